/**
 * Benchmark: the real stack's cold start (Prometheus, Alertmanager and the Collector, from
 * spawn to all three ready) through each driver. The processes driver is the baseline; the
 * containers driver's figures are given as ratios to it, measured in the same run.
 *
 *   node --import tsx bench/stack-start.ts [--runs N]
 */
import { parseArgs } from "node:util";
import { ensureTools } from "../harness/setup/index.ts";
import type { DriverName } from "../harness/stack/index.ts";
import { chooseDriver } from "../harness/stack/index.ts";
import { minimalStackSpec } from "../harness/stack/testing/minimal-stack-spec.ts";

const { values } = parseArgs({ options: { runs: { type: "string", default: "5" } } });
const runs = Number(values.runs);
const tools = await ensureTools();

/** Starts and stops the stack `runs` times; returns the start times in ms (first one apart). */
async function measure(name: DriverName): Promise<{ first: number; warm: number[] }> {
  const driver = await chooseDriver(name);
  const times: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const spec = await minimalStackSpec(tools, `bench-${name}-${i}`);
    const started = performance.now();
    const stack = await driver.start(spec);
    times.push(performance.now() - started);
    await stack.stop();
  }
  return { first: times[0]!, warm: times.slice(1) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const results: [DriverName, { first: number; warm: number[] }][] = [];
for (const name of ["processes", "containers"] as const) {
  try {
    process.stderr.write(`bench: starting the stack ${runs + 1} times through ${name}…\n`);
    results.push([name, await measure(name)]);
  } catch (error) {
    process.stderr.write(`bench: ${name} skipped: ${(error as Error).message}\n`);
  }
}
const baseline = results.find(([n]) => n === "processes")?.[1];
process.stdout.write(
  `\nstack cold start, spawn to all three ready (${runs} warm runs after a first)\n`,
);
process.stdout.write(
  `${"driver".padEnd(12)}${"first ms".padStart(10)}${"median ms".padStart(11)}${"min ms".padStart(9)}${"max ms".padStart(9)}${"ratio".padStart(8)}\n`,
);
for (const [name, r] of results) {
  const med = median(r.warm);
  const ratio = baseline ? (med / median(baseline.warm)).toFixed(2) : "—";
  process.stdout.write(
    `${name.padEnd(12)}${r.first.toFixed(0).padStart(10)}${med.toFixed(0).padStart(11)}${Math.min(
      ...r.warm,
    )
      .toFixed(0)
      .padStart(9)}${Math.max(...r.warm)
      .toFixed(0)
      .padStart(9)}${ratio.padStart(8)}\n`,
  );
}
