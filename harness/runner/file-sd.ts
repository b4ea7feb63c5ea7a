import type { TopologyScrapeJob } from "../../sim/index.ts";

/** One target group of Prometheus' file-based service discovery. */
export interface FileSdGroup {
  readonly targets: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * Turns scrape jobs into Prometheus file_sd target groups: one group per target, its job as
 * the `job` label and a non-default metrics path as `__metrics_path__`, so that one file_sd
 * scrape config can scrape the whole fleet.
 */
export function toFileSd(jobs: readonly TopologyScrapeJob[]): FileSdGroup[] {
  return jobs.flatMap((job) =>
    job.targets.map((target) => ({
      targets: [target.address],
      labels: {
        job: job.job,
        ...(job.metricsPath && job.metricsPath !== "/metrics"
          ? { __metrics_path__: job.metricsPath }
          : {}),
        ...target.labels,
      },
    })),
  );
}
