/**
 * Benchmark: scenarios judged in virtual time (the evaluator on a fake clock, the fleet on a
 * VirtualClock), in fleet seconds per wall second, against a baseline measured in the same run:
 * the first of them on the real stack at --speed 30 (`--live none` skips it).
 *
 *   node --import tsx bench/virtual-time.ts [--live SCENARIO|none] [--repeat N] [files...]
 */
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { ScenarioResult } from "../harness/result/index.ts";
import { defaultFixtures, runSuite } from "../harness/runner/run-suite.ts";
import { repoRoot } from "../harness/tools/tools.ts";

/** One scenario per system, the slowest-to-judge kinds: histograms, federation, many nodes. */
const DEFAULT_SCENARIOS = [
  "scenarios/cosmictron/wal-fsync-stall.scenario.ts",
  "scenarios/cognitora/engine-not-ready.scenario.ts",
  "scenarios/lattice/zipnet-server-down.scenario.ts",
  "scenarios/reactor/http-5xx-burst.scenario.ts",
  "scenarios/dsfb/exporter-down.scenario.ts",
];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    live: { type: "string", default: "" },
    repeat: { type: "string", default: "2" },
    speed: { type: "string", default: "30" },
  },
});
const files = (positionals.length > 0 ? positionals : DEFAULT_SCENARIOS).map((f) =>
  path.resolve(repoRoot, f),
);
const repeat = Number(values.repeat);
const liveSpeed = Number(values.speed);
const fixtures = await defaultFixtures();
const reportRoot = path.join(os.tmpdir(), `firedrill-bench-virtual-${process.pid}`);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

/** Runs the files once in the given time mode; returns each scenario's result and the suite's wall. */
async function suite(
  inputs: readonly string[],
  time: "live" | "virtual",
  label: string,
): Promise<{
  scenarios: readonly ScenarioResult[];
  wallSeconds: number;
  versions: Record<string, string>;
}> {
  const started = performance.now();
  const result = await runSuite({
    inputs,
    time,
    speed: liveSpeed,
    reportDir: path.join(reportRoot, label),
    ruleFiles: fixtures.ruleFiles,
    alertmanagerConfig: fixtures.alertmanagerConfig,
    catalogues: fixtures.catalogues,
    reporter: {},
    jobs: 1,
  });
  const failed = result.scenarios.filter((s) => s.state === "failed").map((s) => s.name);
  if (failed.length > 0) {
    process.stderr.write(`bench ${label}: failed: ${failed.join(", ")}\n`);
    process.exitCode = 1;
  }
  return {
    scenarios: result.scenarios,
    wallSeconds: (performance.now() - started) / 1000,
    versions: { ...result.versions },
  };
}

process.stderr.write(
  `bench virtual time: ${files.length} scenario(s), ${repeat} run(s); load ${load()}\n`,
);
// The first run pays for building/loading; the figures are the best of the runs after it.
await suite(files, "virtual", "warm-up");
const runs: Awaited<ReturnType<typeof suite>>[] = [];
for (let i = 0; i < repeat; i++) runs.push(await suite(files, "virtual", `virtual-${i}`));
const best = (name: string) =>
  Math.min(...runs.map((r) => r.scenarios.find((s) => s.name === name)?.wallSeconds ?? Infinity));
const rows = runs[0]!.scenarios.map((s) => ({
  name: s.name,
  fleet: s.durationFleetSeconds,
  wall: best(s.name),
}));
const fleetTotal = rows.reduce((n, r) => n + r.fleet, 0);
const suiteWall = Math.min(...runs.map((r) => r.wallSeconds));

const liveFile = values.live === "" ? files[0]! : values.live === "none" ? undefined : values.live;
let live: { name: string; fleet: number; wall: number } | undefined;
if (liveFile !== undefined) {
  process.stderr.write(
    `bench live baseline at ${liveSpeed}x: ${path.relative(repoRoot, liveFile)}; load ${load()}\n`,
  );
  const result = await suite([path.resolve(repoRoot, liveFile)], "live", "live");
  const s = result.scenarios[0]!;
  live = { name: s.name, fleet: s.durationFleetSeconds, wall: s.wallSeconds };
}

const out = (line: string) => process.stdout.write(`${line}\n`);
out(`\nvirtual time, best of ${repeat} runs (${os.cpus().length} cores, load ${load()})`);
out(
  `versions: ${Object.entries(runs[0]!.versions)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ")}`,
);
out(
  `${"scenario".padEnd(40)}${"fleet s".padStart(9)}${"wall s".padStart(9)}${"× real".padStart(9)}${"vs live".padStart(9)}`,
);
const liveRate = live ? live.fleet / live.wall : undefined;
const row = (name: string, fleet: number, wall: number) => {
  const rate = fleet / wall;
  const ratio = liveRate ? `${(rate / liveRate).toFixed(1)}×` : "—";
  out(
    `${name.padEnd(40)}${fleet.toFixed(0).padStart(9)}${wall.toFixed(2).padStart(9)}${rate.toFixed(0).padStart(9)}${ratio.padStart(9)}`,
  );
};
for (const r of rows) row(r.name, r.fleet, r.wall);
row("all (suite wall, start-up included)", fleetTotal, suiteWall);
if (live) row(`live ${liveSpeed}x: ${live.name}`, live.fleet, live.wall);
