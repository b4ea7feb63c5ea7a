import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { finished } from "node:stream/promises";
import type { StartedTestContainer } from "testcontainers";
import { checkPortFree } from "../check-port-free.ts";
import type { ComponentHandle } from "../component-handle.ts";
import type { ComponentLaunch } from "../component-launch.ts";
import { dockerApi } from "../docker-api.ts";
import { startOrStop } from "../start-or-stop.ts";
import type { WaitStrategy } from "../wait/wait-strategy.ts";

/** How a component's container is made; the driver fills it in. */
export interface ContainerRecipe {
  readonly image: string;
  readonly entrypoint: string;
  /** firedrill-<runId>-<component> */
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly env: Readonly<Record<string, string>>;
  readonly runDir: string;
}

/**
 * One component run as a container on the host's network, with the run folder bind-mounted at
 * the same path (so configs, data and ports are those of the processes driver). Its output is
 * followed into its log file.
 */
export class ContainerComponent implements ComponentHandle {
  readonly component;
  readonly logFile: string;
  private container: StartedTestContainer | undefined;
  private log: WriteStream | undefined;
  private logDone: Promise<void> | undefined;
  private exited: string | undefined;

  constructor(
    private readonly launch: ComponentLaunch,
    private readonly recipe: ContainerRecipe,
    private readonly waitStrategy: WaitStrategy,
    private readonly stopTimeoutMs: number,
  ) {
    this.component = launch.component;
    this.logFile = launch.logFile;
  }

  /** The running container's id, if any. */
  get containerId(): string | undefined {
    return this.container?.getId();
  }

  async start(signal?: AbortSignal): Promise<void> {
    const { launch, recipe } = this;
    const { GenericContainer } = await import("testcontainers");
    await Promise.all(launch.ports.map((port) => checkPortFree(port, launch.component)));
    await mkdir(path.dirname(launch.logFile), { recursive: true });
    await Promise.all(launch.dataDirs.map((dir) => mkdir(dir, { recursive: true })));
    // A container of the same name can only be a leftover of this run id: replace it.
    await dockerApi("DELETE", `/containers/${recipe.name}?force=1`).catch(() => undefined);

    const log = createWriteStream(launch.logFile, { flags: "a" });
    log.write(
      `--- firedrill: ${new Date().toISOString()} starting ${recipe.image} ${launch.args.join(" ")}\n`,
    );
    this.log = log;
    this.exited = undefined;
    const uid = process.getuid?.();
    const gid = process.getgid?.();
    let container = new GenericContainer(recipe.image)
      .withName(recipe.name)
      .withNetworkMode("host")
      .withEntrypoint([recipe.entrypoint])
      .withCommand([...launch.args])
      .withBindMounts([{ source: recipe.runDir, target: recipe.runDir, mode: "rw" }])
      .withLabels({ ...recipe.labels, "firedrill.component": launch.component })
      .withEnvironment({ ...recipe.env })
      .withLogConsumer((stream) => {
        stream.pipe(log, { end: false });
        this.logDone = finished(stream)
          .catch(() => undefined)
          .then(() => this.onContainerEnd(recipe.name));
      });
    // Files the component writes into the run folder belong to the user running firedrill.
    if (uid !== undefined && gid !== undefined) container = container.withUser(`${uid}:${gid}`);
    await startOrStop(this, async () => {
      this.container = await container.start();
      await this.waitStrategy.waitUntilReady(
        { component: launch.component, logFile: launch.logFile, exitReason: () => this.exited },
        signal,
      );
    });
  }

  async stop(): Promise<void> {
    const container = this.container;
    this.container = undefined;
    if (container) {
      await container.stop({ timeout: this.stopTimeoutMs, remove: true });
    } else {
      // start() may have failed after creating it: make sure nothing of that name remains.
      await dockerApi("DELETE", `/containers/${this.recipe.name}?force=1`).catch(() => undefined);
    }
    await this.logDone;
    this.logDone = undefined;
    const log = this.log;
    this.log = undefined;
    if (log) await new Promise<void>((resolve) => log.end(resolve));
  }

  /** Records why the container stopped, with its exit code when the engine still knows it. */
  private async onContainerEnd(name: string): Promise<void> {
    const answer = await dockerApi("GET", `/containers/${name}/json`).catch(() => undefined);
    const state = (
      answer?.body as { State?: { ExitCode?: number; OOMKilled?: boolean } } | undefined
    )?.State;
    this.exited =
      state?.ExitCode !== undefined
        ? `exited with code ${state.ExitCode}${state.OOMKilled ? " (out of memory)" : ""}`
        : "stopped (its container is gone)";
  }
}
