import { readdir, readFile } from "node:fs/promises";
import { dockerApi } from "./docker-api.ts";
import { dockerEngineAnswers } from "./docker-engine-answers.ts";
import { processStartTime } from "./process-start-time.ts";

/** Something a crashed harness left behind, removed by cleanupLeftovers(). */
export type Leftover =
  | {
      readonly kind: "process";
      readonly pid: number;
      readonly runId: string;
      readonly ownerPid: number;
      readonly command: string;
    }
  | {
      readonly kind: "container";
      readonly id: string;
      readonly name: string;
      readonly runId: string;
      readonly ownerPid: number;
    };

/** How long leftovers get to exit after SIGTERM before SIGKILL. */
const termGraceMs = 5_000;

/**
 * Finds processes (by FIREDRILL_OWNER_PID in /proc/<pid>/environ) and containers (by the
 * firedrill.owner-pid label) whose harness is gone, and removes them: SIGTERM, then SIGKILL;
 * containers force-removed. Returns what it removed. Fast when there is nothing to do.
 *
 * @example
 * const removed = await cleanupLeftovers({ onProgress: (l) => console.error("removed leftover", l) });
 */
export async function cleanupLeftovers(
  options: { onProgress?: (leftover: Leftover) => void } = {},
): Promise<Leftover[]> {
  const removed: Leftover[] = [];
  // Containers first: their processes show in /proc too, and removing the container ends them.
  if (await dockerEngineAnswers(500)) {
    for (const container of await leftoverContainers()) {
      const answer = await dockerApi("DELETE", `/containers/${container.id}?force=1&v=1`);
      if (answer.status < 300 || answer.status === 404) {
        removed.push(container);
        options.onProgress?.(container);
      }
    }
  }
  const processes = await leftoverProcesses();
  if (processes.length > 0) {
    await terminate(processes.map((leftover) => leftover.pid));
    for (const leftover of processes) {
      removed.push(leftover);
      options.onProgress?.(leftover);
    }
  }
  return removed;
}

/** Whether the harness that started something is gone (dead, or its pid reused by another). */
function ownerGone(ownerPid: number, ownerStart: string | undefined): boolean {
  if (ownerPid === process.pid) return false;
  const start = processStartTime(ownerPid);
  if (start === undefined) return true;
  return ownerStart !== undefined && ownerStart !== start;
}

/** Processes carrying a FIREDRILL_OWNER_PID whose owner is gone. */
async function leftoverProcesses(): Promise<Extract<Leftover, { kind: "process" }>[]> {
  const entries = await readdir("/proc").catch(() => [] as string[]);
  const found: Extract<Leftover, { kind: "process" }>[] = [];
  await Promise.all(
    entries.map(async (entry) => {
      const pid = Number(entry);
      if (!Number.isInteger(pid) || pid === process.pid) return;
      const environ = await readFile(`/proc/${pid}/environ`).catch(() => undefined);
      if (!environ?.includes("FIREDRILL_OWNER_PID=")) return;
      const env = new Map(
        environ
          .toString("utf8")
          .split("\0")
          .map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)]),
      );
      const ownerPid = Number(env.get("FIREDRILL_OWNER_PID"));
      if (!Number.isInteger(ownerPid) || !ownerGone(ownerPid, env.get("FIREDRILL_OWNER_START"))) {
        return;
      }
      if (await zombie(pid)) return;
      const command = (await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => ""))
        .split("\0")
        .filter(Boolean)
        .join(" ");
      found.push({
        kind: "process",
        pid,
        runId: env.get("FIREDRILL_RUN") ?? "",
        ownerPid,
        command,
      });
    }),
  );
  return found.sort((a, b) => a.pid - b.pid);
}

/** Containers labelled firedrill.owner-pid whose owner is gone. */
async function leftoverContainers(): Promise<Extract<Leftover, { kind: "container" }>[]> {
  const filters = encodeURIComponent(JSON.stringify({ label: ["firedrill.owner-pid"] }));
  const answer = await dockerApi("GET", `/containers/json?all=1&filters=${filters}`);
  if (answer.status !== 200 || !Array.isArray(answer.body)) return [];
  const containers = answer.body as {
    Id: string;
    Names?: string[];
    Labels?: Record<string, string>;
  }[];
  return containers
    .filter((c) =>
      ownerGone(Number(c.Labels?.["firedrill.owner-pid"]), c.Labels?.["firedrill.owner-start"]),
    )
    .map((c) => ({
      kind: "container" as const,
      id: c.Id,
      name: (c.Names?.[0] ?? c.Id).replace(/^\//, ""),
      runId: c.Labels?.["firedrill.run"] ?? "",
      ownerPid: Number(c.Labels?.["firedrill.owner-pid"]),
    }));
}

/** SIGTERM, wait with a deadline, then SIGKILL what is left and wait again. */
async function terminate(pids: readonly number[]): Promise<void> {
  const signal = (sig: NodeJS.Signals) => (pid: number) => {
    try {
      process.kill(pid, sig);
    } catch {
      // Already gone.
    }
  };
  pids.forEach(signal("SIGTERM"));
  let alive = await waitGone(pids, termGraceMs);
  if (alive.length === 0) return;
  alive.forEach(signal("SIGKILL"));
  alive = await waitGone(alive, 2_000);
}

/** Polls until the processes are gone (or zombies) or the deadline passes; returns the rest. */
async function waitGone(pids: readonly number[], deadlineMs: number): Promise<number[]> {
  const started = performance.now();
  let alive = [...pids];
  for (;;) {
    const states = await Promise.all(alive.map(async (pid) => !(await goneOrZombie(pid))));
    alive = alive.filter((_, index) => states[index]);
    if (alive.length === 0 || performance.now() - started > deadlineMs) return alive;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Whether a process has exited (a zombie has: it only waits for its parent to reap it). */
async function goneOrZombie(pid: number): Promise<boolean> {
  const state = await processState(pid);
  return state === undefined || state === "Z";
}

/** Whether a process is a zombie. */
async function zombie(pid: number): Promise<boolean> {
  return (await processState(pid)) === "Z";
}

/** The state letter of /proc/<pid>/stat (R, S, D, Z, ...), undefined when the process is gone. */
async function processState(pid: number): Promise<string | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => undefined);
  return stat?.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
}
