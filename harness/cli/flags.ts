import { InputError } from "../errors.ts";
import { resolvePrometheusVersion } from "../setup/index.ts";

/** `--speed N`: the fleet-time speed-up, 1 to 120. */
export function parseSpeed(command: string, text: string): number {
  const speed = Number(text);
  if (!Number.isFinite(speed) || speed < 1 || speed > 120) {
    throw new InputError(`${command}: --speed must be a number from 1 to 120 (got "${text}").`);
  }
  return speed;
}

/** `--jobs N`: how many stacks run at once, 1 to 8. */
export function parseJobs(command: string, text: string): number {
  const jobs = Number(text);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 8) {
    throw new InputError(`${command}: --jobs must be a whole number from 1 to 8 (got "${text}").`);
  }
  return jobs;
}

/** `--prometheus-version V`: a pinned Prometheus version or line; the default when absent. */
export function parsePrometheusVersion(command: string, text: string | undefined): string {
  try {
    return resolvePrometheusVersion(text);
  } catch (error) {
    throw new InputError(`${command}: ${(error as Error).message}`);
  }
}
