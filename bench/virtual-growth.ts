/**
 * Benchmark: how virtual time's cost grows with fleet time, series and rules. One Cosmictron
 * baseline drill (its WAL fsync stall on one node from 2m, nothing else) is judged at 1×, 10× and
 * 100× of each axis alone — fleet time (10m, 100m, 1000m), series (3, 30, 300 nodes) and rules
 * (the Cosmictron rule file once, 10 and 100 times under other alert names) — against the 1×
 * run measured in the same run.
 *
 *   node --conditions=firedrill-source --import tsx bench/virtual-growth.ts [--max 100]
 */
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { defaultFixtures, runSuite } from "../harness/runner/run-suite.ts";
import { repoRoot } from "../harness/tools/tools.ts";

const { values } = parseArgs({ options: { max: { type: "string", default: "100" } } });
const factors = [1, 10, 100].filter((f) => f <= Number(values.max));
// Inside the checkout, so that the drills' `import … from "firedrill"` resolves to it.
const work = path.join(repoRoot, ".firedrill", `bench-growth-${process.pid}`);
const fixtures = await defaultFixtures();
const cosmictronRules = path.join(repoRoot, "fixtures/cosmictron/rules.yml");
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

/** Writes one drill: `nodes` Cosmictron nodes for `minutes`, an fsync stall on cosmictron-1. */
async function drill(name: string, nodes: number, minutes: number): Promise<string> {
  const file = path.join(work, `${name}.scenario.ts`);
  await writeFile(
    file,
    `import { cosmictron, defineScenario, expectAlert } from "firedrill";
export default defineScenario({
  name: ${JSON.stringify(name)},
  fleet: { cosmictron: { nodes: ${nodes} } },
  duration: "${minutes}m",
  faults: [{ id: "stall", at: "2m", fault: cosmictron.walFsyncStall({ node: "cosmictron-1" }) }],
  expect: [expectAlert("CosmictronHighReducerErrorRate").neverFires()],
});
`,
  );
  return file;
}

/** The Cosmictron rule file `copies` times, each copy's groups and alerts renamed. */
async function ruleCopies(copies: number): Promise<string[]> {
  const text = await readFile(cosmictronRules, "utf8");
  const files = [cosmictronRules];
  for (let i = 1; i < copies; i++) {
    const file = path.join(work, `cosmictron-copy-${i}.yml`);
    await writeFile(
      file,
      text.replace(
        /(- name: |alert: )(\S+)/g,
        (_m, key: string, v: string) => `${key}${v}Copy${i}`,
      ),
    );
    files.push(file);
  }
  return files;
}

/** Judges one drill in virtual time; returns its fleet seconds and the evaluator run's wall. */
async function judge(file: string, ruleFiles: readonly string[]) {
  const result = await runSuite({
    inputs: [file],
    time: "virtual",
    speed: 30,
    reportDir: path.join(work, "reports", path.basename(file)),
    ruleFiles: [...ruleFiles],
    alertmanagerConfig: fixtures.alertmanagerConfig,
    catalogues: fixtures.catalogues,
    reporter: {},
    jobs: 1,
  });
  const s = result.scenarios[0]!;
  if (s.state !== "passed") throw new Error(`bench drill ${s.name} ${s.state}`);
  return { fleet: s.durationFleetSeconds, wall: s.wallSeconds };
}

await rm(work, { recursive: true, force: true });
await mkdir(work, { recursive: true });
process.stderr.write(`bench virtual growth: factors ${factors.join(", ")}; load ${load()}\n`);
const rows: { axis: string; factor: number; fleet: number; wall: number }[] = [];
try {
  await judge(await drill("growth-warm-up", 3, 10), [cosmictronRules]); // builds and warms
  const base = await judge(await drill("growth-base", 3, 10), [cosmictronRules]);
  rows.push({ axis: "base", factor: 1, ...base });
  for (const f of factors.filter((x) => x > 1)) {
    const time = await judge(await drill(`growth-time-${f}`, 3, 10 * f), [cosmictronRules]);
    rows.push({ axis: "fleet time", factor: f, ...time });
    const series = await judge(await drill(`growth-series-${f}`, 3 * f, 10), [cosmictronRules]);
    rows.push({ axis: "series (nodes)", factor: f, ...series });
    const rules = await judge(await drill(`growth-rules-${f}`, 3, 10), await ruleCopies(f));
    rows.push({ axis: "rules", factor: f, ...rules });
  }
} finally {
  await rm(work, { recursive: true, force: true });
}

const out = (line: string) => process.stdout.write(`${line}\n`);
out(`\nvirtual time's cost growth (${os.cpus().length} cores, load ${load()})`);
out(
  `${"axis".padEnd(16)}${"×".padStart(5)}${"fleet s".padStart(10)}${"wall s".padStart(9)}${"× real".padStart(9)}${"cost vs 1×".padStart(12)}`,
);
const baseWall = rows[0]!.wall;
for (const r of rows) {
  out(
    `${r.axis.padEnd(16)}${String(r.factor).padStart(5)}${r.fleet.toFixed(0).padStart(10)}${r.wall.toFixed(2).padStart(9)}${(r.fleet / r.wall).toFixed(0).padStart(9)}${`${(r.wall / baseWall).toFixed(1)}×`.padStart(12)}`,
  );
}
