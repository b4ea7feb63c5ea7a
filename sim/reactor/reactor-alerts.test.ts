import { describe, expect, it } from "vitest";
import { VirtualClock } from "../core/clock.ts";
import { FaultRegistry } from "../core/fault-registry.ts";
import { SeededRandom } from "../core/seeded-random.ts";
import { fixturePath } from "../test-support/fixture-path.ts";
import { parseExposition } from "../test-support/parse-exposition.ts";
import {
  type FiringCheck,
  PROMTOOL,
  PROMTOOL_SKIP_REASON,
  promtoolDrill,
} from "../test-support/promtool-drill.ts";
import { quietLogger } from "../test-support/quiet-logger.ts";
import { scrapeTimeline } from "../test-support/scrape-timeline.ts";
import { generateDeployment } from "./reactor-deployment.ts";
import { reactorFaults } from "./reactor-faults.ts";
import { ReactorNode } from "./reactor-node.ts";

const RULES = fixturePath("reactor/rules.yml");
/** The series the alert rules read. */
const SCRAPED = new Set(["reactor_http_requests_total", "reactor_jobs_queue_depth"]);

/** Which alerts fire at a fleet minute of the drill. */
const CHECKS: FiringCheck[] = [
  { minute: 9.75, firing: [] }, // normal behaviour: nothing
  { minute: 16.75, firing: ["ReactorHighErrorRate"] }, // 5xx burst from 10m (for: 5m)
  { minute: 22, firing: [] }, // healed at 18m
  { minute: 32, firing: [] }, // workers stalled from 20m: over 500 about 4m later, pending
  { minute: 35.5, firing: ["JobQueueBacklog"] }, // for: 10m
  { minute: 39, firing: [] }, // healed at 36m, drained within about 2m
  { minute: 46.5, firing: ["ReactorHighErrorRate"] }, // pool exhausted from 40m (for: 5m)
  { minute: 52.5, firing: [] }, // healed at 48m
  { minute: 57.5, firing: ["ReactorHealthCheckFailing"] }, // reactor-0 crashed from 55m (for: 2m)
  { minute: 61, firing: [] }, // restarted at 60m
  { minute: 69.5, firing: ["ReactorHighErrorRate"] }, // storage unhealthy from 62m
  { minute: 74.5, firing: [] }, // healed at 70m
];

/**
 * Runs two nodes in virtual time through the Reactor faults, records what Prometheus would have
 * scraped every 15 s (nothing but up == 0 while a node is down), and lets promtool evaluate
 * fixtures/reactor/rules.yml over it.
 */
async function recordDrill(): Promise<{ series: Map<string, string[]>; samples: number }> {
  const clock = new VirtualClock(Date.UTC(2026, 4, 29));
  const random = new SeededRandom("drill");
  const deployment = generateDeployment(random.derive("reactor/deployment"));
  const logger = quietLogger(clock);
  const nodes = ["reactor-0", "reactor-1"].map(
    (id) =>
      new ReactorNode({
        id,
        port: 0,
        clock,
        random: random.derive(`reactor/node/${id}`),
        deployment,
        logger,
        adminToken: "t",
      }),
  );
  for (const node of nodes) await node.start();
  const faults = new FaultRegistry({ definitions: reactorFaults(), nodes, clock });
  const timeline: Record<number, () => Promise<unknown>> = {
    10: () => faults.inject({ name: "reactor.http.5xx-burst" }),
    18: () => faults.healAll(),
    20: () => faults.inject({ name: "reactor.jobs.backlog", target: "reactor-1" }),
    36: () => faults.healAll(),
    40: () => faults.inject({ name: "reactor.db.pool-exhausted" }),
    48: () => faults.healAll(),
    55: () => faults.inject({ name: "reactor.node.crash", target: "reactor-0" }),
    60: () => faults.healAll(),
    62: () => faults.inject({ name: "reactor.capability.unhealthy" }),
    70: () => faults.healAll(),
  };
  const scrapes: Map<string, number>[] = [];
  await scrapeTimeline(clock, 78, timeline, async () => {
    const scrape = new Map<string, number>();
    for (const node of nodes) {
      const target = `job="reactor", instance="${node.url.slice(7)}", node="${node.id}"`;
      scrape.set(`up{${target}}`, node.state === "up" ? 1 : 0);
      if (node.state !== "up") continue;
      for (const [name, family] of parseExposition(await node.metrics.registry.metrics())) {
        if (!SCRAPED.has(name)) continue;
        for (const sample of family.samples) {
          const labels = Object.entries(sample.labels).map(([k, v]) => `${k}="${v}"`);
          scrape.set(`${name}{${[target, ...labels].join(", ")}}`, sample.value);
        }
      }
    }
    scrapes.push(scrape);
  });
  for (const node of nodes) await node.close();
  const keys = new Set(scrapes.flatMap((s) => [...s.keys()]));
  const series = new Map(
    [...keys].map((key) => [key, scrapes.map((s) => String(s.get(key) ?? "_"))]),
  );
  return { series, samples: scrapes.length };
}

describe("fixtures/reactor/rules.yml over the simulated fleet", () => {
  it.skipIf(!PROMTOOL)(
    `stays quiet normally and fires each fault's alert within a few fleet minutes, resolving after the heal (${PROMTOOL_SKIP_REASON})`,
    async () => {
      const { series } = await recordDrill();
      const result = await promtoolDrill({
        rules: RULES,
        series,
        checks: CHECKS,
      });
      expect(result.output).toContain("SUCCESS");
      expect(result.status).toBe(0);
    },
  );
});
