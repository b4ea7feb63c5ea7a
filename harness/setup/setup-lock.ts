import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { SetupError } from "./setup-error.ts";

/** How long a setup waits for another one (a cold Collector build) before giving up. */
const waitDeadlineMs = 30 * 60_000;
const pollMs = 500;

/**
 * Runs fn while holding .tools/.setup-lock, so two setups (two test files, two terminals) never
 * unpack or build into the same folder at once. A lock whose owner is dead is taken over.
 */
export async function withSetupLock<T>(
  dir: string,
  fn: () => Promise<T>,
  onWait?: (ownerPid: number) => void,
): Promise<T> {
  const lock = path.join(dir, ".setup-lock");
  await mkdir(dir, { recursive: true });
  const started = Date.now();
  let reported = false;
  for (;;) {
    try {
      await mkdir(lock);
      await writeFile(path.join(lock, "pid"), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = Number(await readFile(path.join(lock, "pid"), "utf8").catch(() => "0"));
    if (owner === 0 && Date.now() - started < 2_000) {
      // The owner has made the folder but not written its pid yet.
    } else if (!alive(owner)) {
      await rm(lock, { recursive: true, force: true });
      continue;
    } else if (!reported) {
      reported = true;
      onWait?.(owner);
    }
    if (Date.now() - started > waitDeadlineMs) {
      throw new SetupError(
        `Failed to run setup: another setup (pid ${owner}) has held ${lock} for ${Math.round((Date.now() - started) / 1000)} s. Wait for it or stop it, then run \`npx firedrill setup\` again.`,
        { step: "lock" },
      );
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  try {
    return await fn();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

/** Whether a process with that pid exists. */
function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
