import { closeSync, openSync, writeSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { execa } from "execa";
import { checkPortFree } from "../check-port-free.ts";
import type { ComponentHandle } from "../component-handle.ts";
import type { ComponentLaunch } from "../component-launch.ts";
import { startOrStop } from "../start-or-stop.ts";
import type { WaitStrategy } from "../wait/wait-strategy.ts";

/** One component run as a local process by execa, its output appended to its log file. */
export class ProcessComponent implements ComponentHandle {
  readonly component;
  readonly logFile: string;
  private subprocess: Spawned | undefined;
  private exited: string | undefined;

  constructor(
    private readonly launch: ComponentLaunch,
    private readonly env: Readonly<Record<string, string>>,
    private readonly waitStrategy: WaitStrategy,
    private readonly stopTimeoutMs: number,
  ) {
    this.component = launch.component;
    this.logFile = launch.logFile;
  }

  /** The running process's pid, if any. */
  get pid(): number | undefined {
    return this.subprocess && this.exited === undefined ? this.subprocess.pid : undefined;
  }

  async start(signal?: AbortSignal): Promise<void> {
    const { launch } = this;
    await Promise.all(launch.ports.map((port) => checkPortFree(port, launch.component)));
    await mkdir(path.dirname(launch.logFile), { recursive: true });
    await Promise.all(launch.dataDirs.map((dir) => mkdir(dir, { recursive: true })));
    // The child writes straight into the log (O_APPEND), so its output survives the harness.
    const fd = openSync(launch.logFile, "a");
    writeSync(
      fd,
      `--- firedrill: ${new Date().toISOString()} starting ${launch.binary} ${launch.args.join(" ")}\n`,
    );
    this.exited = undefined;
    const subprocess = spawn(launch, this.env, fd, this.stopTimeoutMs);
    closeSync(fd);
    this.subprocess = subprocess;
    void subprocess.then((result) => {
      if (this.subprocess !== subprocess) return;
      this.exited =
        result.signal !== undefined
          ? `was killed by ${result.signal}`
          : result.exitCode !== undefined
            ? `exited with code ${result.exitCode}`
            : `could not be started (${(result.cause as Error | undefined)?.message ?? "unknown cause"})`;
    });
    await startOrStop(this, () =>
      this.waitStrategy.waitUntilReady(
        { component: launch.component, logFile: launch.logFile, exitReason: () => this.exited },
        signal,
      ),
    );
  }

  async stop(): Promise<void> {
    const subprocess = this.subprocess;
    if (!subprocess) return;
    if (this.exited === undefined) subprocess.kill("SIGTERM");
    await subprocess;
    if (this.subprocess === subprocess) this.subprocess = undefined;
  }
}

/** Starts the binary with its output on fd; never throws (failures show in the result). */
function spawn(
  launch: ComponentLaunch,
  env: Readonly<Record<string, string>>,
  fd: number,
  stopTimeoutMs: number,
) {
  // execa re-uses any fd at run time, but its types only admit the literals 3 to 9.
  const log = fd as 3;
  return execa(launch.binary, [...launch.args], {
    env: { ...env },
    cwd: launch.cwd,
    extendEnv: false,
    stdin: "ignore",
    stdout: log,
    stderr: log,
    reject: false,
    cleanup: true,
    forceKillAfterDelay: stopTimeoutMs,
  });
}

/** A started component process. */
type Spawned = ReturnType<typeof spawn>;
