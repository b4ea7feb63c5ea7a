import { readdir, readFile } from "node:fs/promises";

/** Pids of live (non-zombie) processes whose environment has FIREDRILL_RUN=<runId>. */
export async function processesOfRun(runId: string): Promise<number[]> {
  const needle = Buffer.from(`\0FIREDRILL_RUN=${runId}\0`);
  const pids: number[] = [];
  for (const entry of await readdir("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const environ = await readFile(`/proc/${pid}/environ`).catch(() => undefined);
    if (!environ || !Buffer.concat([Buffer.from("\0"), environ]).includes(needle)) continue;
    const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
    if (stat !== "" && !stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z")) pids.push(pid);
  }
  return pids;
}
