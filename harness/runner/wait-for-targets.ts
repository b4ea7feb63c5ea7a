import type { TopologyScrapeJob } from "../../sim/index.ts";
import { StartupError } from "../errors.ts";
import type { PrometheusClient } from "../observe/prometheus-client.ts";

/** Waits until Prometheus has scraped every target of the fleet's jobs successfully. */
export async function waitForTargets(
  prometheus: PrometheusClient,
  jobs: readonly TopologyScrapeJob[],
  options: { timeoutMs: number; signal?: AbortSignal | undefined },
): Promise<void> {
  const names = new Set(jobs.map((j) => j.job));
  const count = jobs.reduce((n, j) => n + j.targets.length, 0);
  const deadline = Date.now() + options.timeoutMs;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    if (options.signal?.aborted) return;
    try {
      const targets = (await prometheus.targets()).filter((t) => names.has(t.labels.job ?? ""));
      const up = targets.filter((t) => t.health === "up").length;
      if (up >= count) return;
      last = `${up} of ${count} up; ${targets
        .filter((t) => t.health !== "up")
        .slice(0, 5)
        .map((t) => `${t.scrapeUrl}: ${t.health} ${t.lastError}`)
        .join("; ")}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new StartupError(
    `Failed to scrape the fleet: Prometheus did not see all ${count} targets of ${[...names].join(", ")} up within ${options.timeoutMs} ms (${last}). Check the sim logs in the scenario's logs folder.`,
    { component: "prometheus" },
  );
}
