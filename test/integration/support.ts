import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { execa, type ResultPromise } from "execa";
import type { RunResult } from "../../harness/result/index.ts";
import { repoRoot } from "../../harness/tools/tools.ts";

/** Starts the real CLI as a user would (`node bin/firedrill.js ...`). */
export function firedrill(
  args: readonly string[],
  options: { env?: Record<string, string> } = {},
): ResultPromise<{ reject: false; all: true }> {
  return execa(process.execPath, [path.join(repoRoot, "bin/firedrill.js"), ...args], {
    cwd: repoRoot,
    reject: false,
    all: true,
    env: { ...options.env, FORCE_COLOR: "0" },
  });
}

/** Runs the CLI to the end; the result carries the harness's pid for leftover checks. */
export async function firedrillRun(
  args: readonly string[],
): Promise<Awaited<ReturnType<typeof firedrill>> & { pid: number }> {
  const child = firedrill(args);
  const result = await child;
  return Object.assign(result, { pid: child.pid ?? -1 });
}

/** A fresh report folder under the OS temp dir. */
export function tempReportDir(label: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `firedrill-${label}-`));
}

/**
 * Processes started by firedrill (they carry FIREDRILL_RUN in their environment); with
 * `ownerPid`, only those a given harness process started.
 */
export function firedrillProcesses(ownerPid?: number): { pid: number; cmd: string }[] {
  const found: { pid: number; cmd: string }[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`, "utf8");
      const vars = environ.split("\0");
      if (!vars.some((v) => v.startsWith("FIREDRILL_RUN="))) continue;
      if (ownerPid !== undefined && !vars.includes(`FIREDRILL_OWNER_PID=${ownerPid}`)) continue;
      const cmd = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").join(" ").trim();
      found.push({ pid: Number(entry), cmd });
    } catch {
      // The process ended while we looked, or is not ours to read.
    }
  }
  return found;
}

/** Containers labelled by firedrill, when a Docker engine answers. */
export function firedrillContainers(ownerPid?: number): string[] {
  const label = ownerPid === undefined ? "firedrill.run" : `firedrill.owner-pid=${ownerPid}`;
  try {
    const out = execFileSync(
      "docker",
      ["ps", "-a", "--filter", `label=${label}`, "--format", "{{.Names}}"],
      {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      },
    );
    return out.split("\n").filter(Boolean);
  } catch {
    return [];
  }
}

/** True when `docker info` answers. */
export function dockerAvailable(): boolean {
  try {
    execFileSync("docker", ["info"], { stdio: "ignore", timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

/** The results.json a run wrote. */
export function readResults(dir: string): RunResult {
  return JSON.parse(readFileSync(path.join(dir, "results.json"), "utf8"));
}
