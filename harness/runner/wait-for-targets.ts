import type { TopologyScrapeJob } from "../../sim/index.ts";
import { StartupError } from "../errors.ts";
import type { PrometheusClient } from "../observe/prometheus-client.ts";

/**
 * Waits until Prometheus has scraped every target of the fleet's jobs successfully at least once
 * (not necessarily all in the same poll: on a busy machine one sped-up scrape in a few may time
 * out, and the drill's own expectations judge what that does to the alerts).
 */
export async function waitForTargets(
  prometheus: PrometheusClient,
  jobs: readonly TopologyScrapeJob[],
  options: { timeoutMs: number; signal?: AbortSignal | undefined },
): Promise<void> {
  const names = new Set(jobs.map((j) => j.job));
  const count = jobs.reduce((n, j) => n + j.targets.length, 0);
  const deadline = Date.now() + options.timeoutMs;
  let last = "no answer yet";
  const seenUp = new Set<string>();
  while (Date.now() < deadline) {
    if (options.signal?.aborted) return;
    try {
      const targets = (await prometheus.targets()).filter((t) => names.has(t.labels.job ?? ""));
      const key = (t: (typeof targets)[number]) => `${t.labels.job} ${t.scrapeUrl}`;
      for (const t of targets) if (t.health === "up") seenUp.add(key(t));
      if (seenUp.size >= count) return;
      last = `${seenUp.size} of ${count} up; ${targets
        .filter((t) => !seenUp.has(key(t)))
        .slice(0, 5)
        .map((t) => `${t.scrapeUrl}: ${t.health} ${t.lastError}`)
        .join("; ")}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new StartupError(
    `Failed to scrape the fleet: Prometheus did not see all ${count} targets of ${[...names].join(", ")} up within ${options.timeoutMs} ms (${last}). ${/context deadline exceeded/.test(last) ? " The sim answered slower than the sped-up scrape timeout: the machine is busy; run fewer --jobs or a lower --speed." : ""} Check the sim logs in the scenario's logs folder.`,
    { component: "prometheus" },
  );
}
