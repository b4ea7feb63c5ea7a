import { processStartTime } from "./process-start-time.ts";

/**
 * The environment every process the harness starts carries, so cleanupLeftovers() can find the
 * ones a crashed harness left behind: the run, the harness's pid and that pid's start time.
 *
 * @example
 * execa("node", ["sim-host.js"], { env: firedrillEnv(runId) });
 */
export function firedrillEnv(runId: string): Record<string, string> {
  const env: Record<string, string> = {
    FIREDRILL_RUN: runId,
    FIREDRILL_OWNER_PID: String(process.pid),
  };
  const start = processStartTime(process.pid);
  if (start) env.FIREDRILL_OWNER_START = start;
  return env;
}
