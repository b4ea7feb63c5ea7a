import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { execa, type ResultPromise } from "execa";
import type { TimeMapping } from "../../sim/core/clock.ts";
import { StartupError } from "../errors.ts";
import type { FaultSpec } from "../scenario/types.ts";
import { repoRoot } from "../tools/tools.ts";

/** A node of the fleet as the sim host announced it. */
export interface FleetNode {
  readonly id: string;
  readonly url: string;
}

/** What the harness tells a sim host to run (sim/host.ts reads it from a JSON file). */
export interface SimHostConfig {
  readonly system: string;
  readonly seed: number;
  readonly time: TimeMapping;
  readonly nodes: readonly { id: string; port: number }[];
  readonly controlPort: number;
  readonly otlpEndpoint?: string;
  readonly logFile?: string;
}

const READY = "FIREDRILL_SIM_READY ";

// A checkout runs sim/host.ts through tsx; the installed package runs its compiled dist/sim/host.js.
const simHostCommand = import.meta.url.endsWith(".ts")
  ? ["--import", "tsx", fileURLToPath(new URL("../../sim/host.ts", import.meta.url))]
  : [fileURLToPath(new URL("../../sim/host.js", import.meta.url))];

/**
 * One running sim host process and its control API: inject and heal faults, stop.
 * Started as `node --import tsx sim/host.ts <config.json>`, as a user could run it by hand.
 */
export class SimFleet implements AsyncDisposable {
  readonly control: string;
  readonly nodes: readonly FleetNode[];
  readonly system: string;
  #child: ResultPromise;
  readonly #respawn: () => Promise<{ child: ResultPromise }>;

  private constructor(
    child: ResultPromise,
    ready: { control: string; nodes: readonly FleetNode[] },
    system: string,
    respawn: () => Promise<{ child: ResultPromise }>,
  ) {
    this.#child = child;
    this.control = ready.control;
    this.nodes = ready.nodes;
    this.system = system;
    this.#respawn = respawn;
  }

  /** Spawns a sim host and waits (up to `timeoutMs`) for its ready line. */
  static async start(
    config: SimHostConfig,
    options: { runDir: string; env: Record<string, string>; timeoutMs?: number },
  ): Promise<SimFleet> {
    const configFile = path.join(options.runDir, `sim-${config.system}.json`);
    await writeFile(configFile, `${JSON.stringify(config, null, 2)}\n`);
    const spawn = () => SimFleet.#spawn(configFile, config, options);
    const { child, ready } = await spawn();
    return new SimFleet(child, ready, config.system, spawn);
  }

  // Starts the host process and waits for its ready line; kills it if it never comes.
  static async #spawn(
    configFile: string,
    config: SimHostConfig,
    options: { env: Record<string, string>; timeoutMs?: number },
  ): Promise<{ child: ResultPromise; ready: { control: string; nodes: FleetNode[] } }> {
    const child = execa(process.execPath, [...simHostCommand, configFile], {
      cwd: repoRoot,
      env: options.env,
      reject: false,
      cleanup: true,
      forceKillAfterDelay: 5_000,
      stdin: "ignore",
      stdout: "pipe",
      stderr: "pipe",
      buffer: false,
    });
    let stderrTail = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      stderrTail = (stderrTail + chunk.toString("utf8")).slice(-4_000);
    });
    const timeoutMs = options.timeoutMs ?? 30_000;
    const started = Date.now();
    const ready = await new Promise<{ control: string; nodes: FleetNode[] }>((resolve, reject) => {
      let buffered = "";
      const timer = setTimeout(() => {
        reject(
          new StartupError(
            `Failed to start the ${config.system} sim host: no ready line after ${timeoutMs} ms. Its last output:\n${stderrTail}`,
            { component: `sim:${config.system}`, logTail: stderrTail },
          ),
        );
      }, timeoutMs);
      child.stdout?.on("data", (chunk: Buffer) => {
        buffered += chunk.toString("utf8");
        const line = buffered.split("\n").find((l) => l.startsWith(READY));
        if (line) {
          clearTimeout(timer);
          resolve(JSON.parse(line.slice(READY.length)));
        }
      });
      void child.then((result) => {
        clearTimeout(timer);
        reject(
          new StartupError(
            `Failed to start the ${config.system} sim host: it exited with code ${result.exitCode} after ${Date.now() - started} ms. Its last output:\n${stderrTail}`,
            { component: `sim:${config.system}`, logTail: stderrTail },
          ),
        );
      });
    }).catch(async (error: unknown) => {
      child.kill("SIGKILL");
      await child;
      throw error;
    });
    return { child, ready };
  }

  /** The host process dies at once (SIGKILL): every node of this system stops answering. */
  async kill(): Promise<void> {
    if (this.#child.exitCode !== null) return;
    this.#child.kill("SIGKILL");
    await this.#child;
  }

  /** Starts the host again with the same config (same ports), after kill(). */
  async restart(): Promise<void> {
    await this.kill();
    this.#child = (await this.#respawn()).child;
  }

  /** The sim host's process id (for resource measurements). */
  get pid(): number | undefined {
    return this.#child.pid;
  }

  /** Injects a fault through the control API; returns the fault's id for the heal. */
  async inject(fault: FaultSpec): Promise<string> {
    const response = await fetch(`${this.control}/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(fault),
      signal: AbortSignal.timeout(5_000),
    });
    const body = (await response.json().catch(() => ({}))) as { id?: string; error?: string };
    if (response.status !== 201 || !body.id) {
      throw new Error(
        `Failed to inject fault ${fault.name}${fault.target ? ` on ${fault.target}` : ""}: the sim answered ${response.status}: ${body.error ?? JSON.stringify(body)}.`,
      );
    }
    return body.id;
  }

  /** Heals a fault injected earlier. */
  async heal(id: string): Promise<void> {
    const response = await fetch(`${this.control}/faults/${encodeURIComponent(id)}`, {
      method: "DELETE",
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) {
      throw new Error(`Failed to heal fault ${id}: the sim answered ${response.status}.`);
    }
  }

  /** Stops the host (SIGTERM, then SIGKILL after 5 s) and waits for it to exit. */
  async stop(): Promise<void> {
    if (this.#child.exitCode !== null) return;
    this.#child.kill("SIGTERM");
    await this.#child;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }
}
