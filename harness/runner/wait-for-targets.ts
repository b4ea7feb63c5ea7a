import { StartupError } from "../errors.ts";
import type { PrometheusClient } from "../observe/prometheus-client.ts";

/** Waits until Prometheus has scraped `count` targets of `job` successfully. */
export async function waitForTargets(
  prometheus: PrometheusClient,
  job: string,
  count: number,
  options: { timeoutMs: number; signal?: AbortSignal | undefined },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    if (options.signal?.aborted) return;
    try {
      const targets = (await prometheus.targets()).filter((t) => t.labels.job === job);
      const up = targets.filter((t) => t.health === "up").length;
      if (up >= count) return;
      last = `${up} of ${count} up; ${targets
        .filter((t) => t.health !== "up")
        .map((t) => `${t.scrapeUrl}: ${t.health} ${t.lastError}`)
        .join("; ")}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new StartupError(
    `Failed to scrape the fleet: Prometheus did not see all ${count} ${job} targets up within ${options.timeoutMs} ms (${last}). Check the sim log in the scenario's logs folder.`,
    { component: "prometheus" },
  );
}
