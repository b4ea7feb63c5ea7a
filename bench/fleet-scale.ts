/**
 * Benchmark: a fleet of 200+ nodes across the five systems, scraped by the real Prometheus at
 * fleet speed 1 (15 s scrapes), against a baseline of one small fleet measured in the same run.
 * Reports the series count, the sim processes' memory, failed scrapes and the slowest scrape
 * as Prometheus measured it (scrape_duration_seconds), with ratios to the baseline.
 *
 *   npm run bench -- [--minutes N] [--speed N]
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { defineScenario, expectNoOtherAlerts } from "../harness/api.ts";
import { PrometheusClient } from "../harness/observe/prometheus-client.ts";
import { runScenario } from "../harness/runner/run-scenario.ts";
import { defaultFixtures } from "../harness/runner/run-suite.ts";
import type { FleetShape } from "../harness/scenario/types.ts";
import { ensureTools } from "../harness/setup/index.ts";
import { chooseDriver } from "../harness/stack/index.ts";

const { values } = parseArgs({
  options: { minutes: { type: "string", default: "3" }, speed: { type: "string", default: "1" } },
});
const minutes = Number(values.minutes);
const speed = Number(values.speed);

/** Resident memory of a process and its children, in MiB, from /proc. */
function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kib / 1024;
}

interface Figures {
  readonly nodes: number;
  readonly series: number;
  readonly scrapes: number;
  readonly failedScrapes: number;
  readonly slowestScrapeMs: number;
  readonly simRssMiB: number;
  readonly wallSeconds: number;
}

/** Runs one quiet fleet for `minutes` fleet minutes and measures it just before it stops. */
async function measure(label: string, fleet: FleetShape): Promise<Figures> {
  const fixtures = await defaultFixtures();
  const tools = await ensureTools();
  const driver = await chooseDriver("processes");
  const scenario = defineScenario({
    name: `bench-${label}`,
    fleet,
    duration: `${minutes}m`,
    faults: [],
    expect: [expectNoOtherAlerts()],
  });
  let figures: Omit<Figures, "wallSeconds"> | undefined;
  const started = Date.now();
  process.stderr.write(`bench ${label}: running ${minutes} fleet minutes at ${speed}x…\n`);
  await runScenario(
    { file: "bench/fleet-scale.ts", scenario },
    {
      runId: `bench${Date.now().toString(36)}`,
      driver,
      tools,
      speed,
      ruleFiles: fixtures.ruleFiles,
      alertmanagerConfig: fixtures.alertmanagerConfig,
      dir: path.join(os.tmpdir(), `firedrill-bench-${label}`),
      reporter: {
        onPhase: (_s, phase) => {
          process.stderr.write(`  · ${phase}\n`);
        },
      },
      onTimelineEnd: async (stack, fleets) => {
        const prometheus = new PrometheusClient(stack.prometheusUrl, { timeoutMs: 30_000 });
        const fleetJobs = 'job!~"otelcol.*"';
        const window = `${Math.max(1, Math.round((minutes * 60) / speed))}s`;
        const scalar = async (q: string) => Number((await prometheus.query(q))[0]?.value[1] ?? 0);
        const tsdb = (await (await fetch(`${stack.prometheusUrl}/api/v1/status/tsdb`)).json()) as {
          data: { headStats: { numSeries: number } };
        };
        figures = {
          nodes: await scalar(`count(up{${fleetJobs}})`),
          series: tsdb.data.headStats.numSeries,
          scrapes: await scalar(`sum(count_over_time(up{${fleetJobs}}[${window}]))`),
          failedScrapes: await scalar(
            `sum(count_over_time(up{${fleetJobs}}[${window}])) - sum(sum_over_time(up{${fleetJobs}}[${window}]))`,
          ),
          slowestScrapeMs:
            1000 *
            (await scalar(`max(max_over_time(scrape_duration_seconds{${fleetJobs}}[${window}]))`)),
          simRssMiB: [...fleets.values()].reduce((n, f) => n + (f.pid ? rssMiB(f.pid) : 0), 0),
        };
      },
    },
  );
  return { ...figures!, wallSeconds: (Date.now() - started) / 1000 };
}

const baseline = await measure("baseline", {
  cosmictron: { nodes: 1 },
  cognitora: { routers: 1, agents: 1, kvcached: 1 },
  reactor: { nodes: 1 },
  lattice: { lattices: 1, members: 1 },
  dsfb: { nodes: 1 },
});
const large = await measure("fleet-200", {
  cosmictron: { nodes: 60 },
  cognitora: { routers: 10, agents: 30, kvcached: 10 },
  reactor: { nodes: 40 },
  lattice: { lattices: 2, members: 3 },
  dsfb: { nodes: 20 },
});

const rows: [string, keyof Figures, number][] = [
  ["nodes scraped", "nodes", 0],
  ["series in the TSDB head", "series", 0],
  ["scrapes", "scrapes", 0],
  ["failed scrapes", "failedScrapes", 0],
  ["slowest scrape (ms)", "slowestScrapeMs", 1],
  ["sim processes' RSS (MiB)", "simRssMiB", 1],
  ["wall time (s)", "wallSeconds", 1],
];
process.stdout.write(
  `\nfleet scale, ${minutes} fleet minutes at ${speed}x (baseline: one node per kind)\n`,
);
process.stdout.write(
  `${"figure".padEnd(28)}${"baseline".padStart(12)}${"fleet-200".padStart(12)}${"ratio".padStart(10)}\n`,
);
for (const [label, key, digits] of rows) {
  const a = baseline[key];
  const b = large[key];
  const ratio = a > 0 ? (b / a).toFixed(1) : "—";
  process.stdout.write(
    `${label.padEnd(28)}${a.toFixed(digits).padStart(12)}${b.toFixed(digits).padStart(12)}${ratio.padStart(10)}\n`,
  );
}
if (large.failedScrapes > 0 || large.nodes < 200) {
  process.stderr.write(
    `bench: ${large.failedScrapes} failed scrapes, ${large.nodes} nodes: target missed\n`,
  );
  process.exitCode = 1;
}
