import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenarios } from "../../harness/scenario/load-scenarios.ts";
import { repoRoot } from "../../harness/tools/tools.ts";
import { checkParity } from "./parity.ts";
import { checkSpeed, type SpeedRun, startSpeedRun } from "./speed.ts";
import {
  dockerAvailable,
  firedrillContainers,
  firedrillProcesses,
  firedrillRun,
  readResults,
  tempReportDir,
} from "./support.ts";

const docker = dockerAvailable();

/** The scenario names in files and folders, as `firedrill run` would find them. */
async function scenarioNames(inputs: readonly string[]): Promise<string[]> {
  const loaded = await loadScenarios(inputs.map((i) => path.join(repoRoot, i)));
  return loaded.map((l) => l.scenario.name);
}

// The quick start's main job, for real: scenarios against the real stack at the default speed.
async function runAll(
  driver: "processes" | "containers",
  inputs: readonly string[],
  extra: string[] = [],
  dir: string = tempReportDir(driver),
): Promise<string> {
  const names = await scenarioNames(inputs);
  const result = await firedrillRun([
    "run",
    ...inputs,
    "--driver",
    driver,
    "--report-dir",
    dir,
    ...extra,
  ]);
  const results = readResults(dir);
  const failed = results.scenarios
    .flatMap((s) =>
      s.expectations.filter((e) => e.state === "failed").map((e) => `${s.name}: ${e.message}`),
    )
    .join("\n");
  // The run's own last words say why a suite stopped short (a stack that would not start).
  const tail = `firedrill exited ${result.exitCode}; its output ends:\n${String(result.all).slice(-4000)}`;
  expect(failed, tail).toBe("");
  expect(result.all).toContain(`scenarios: ${names.length} passed, 0 failed`);
  expect(result.exitCode).toBe(0);
  expect(results.scenarios.map((s) => [s.name, s.state])).toEqual(names.map((n) => [n, "passed"]));
  expect(results.versions.prometheus).toBe("3.16.0");
  expect(results.versions.alertmanager).toBe("0.35.0");
  expect(results.versions.collector).toBe("0.155.0");
  expect(results.assumptions.map((a) => a.metric)).toContain("cosmictron_storage_disk_total_bytes");
  // Every firing expectation recorded the times it was judged on: the firing always, the
  // delivery when it names a receiver, the resolve when it expects one, and the resolved
  // notification when it expects both. (A drill on a boundary may hold the firing and not the
  // delivery: lattice-zipnet-broadcasts-stalled-just-above-line fires for less than group_wait
  // on some phases, and its resolved notification, if any, waits a 5m group_interval.)
  for (const scenario of results.scenarios) {
    for (const e of scenario.expectations) {
      if (e.observed === undefined || e.expectation.kind !== "fires") continue;
      const { receiver, resolvesWithin } = e.expectation;
      const judged: (keyof typeof e.observed)[] = ["faultAt", "pendingAt", "firingAt"];
      if (receiver !== undefined) judged.push("deliveredAt");
      if (resolvesWithin !== undefined) judged.push("healedAt", "resolvedAt");
      if (receiver !== undefined && resolvesWithin !== undefined)
        judged.push("resolvedDeliveredAt");
      for (const key of judged) {
        expect(typeof e.observed[key], `${scenario.name} ${key}`).toBe("number");
      }
    }
  }
  const junit = readFileSync(path.join(dir, "junit.xml"), "utf8");
  expect(junit.match(/<testsuite /g)?.length).toBe(names.length);
  expect(junit).not.toContain("<failure");
  expect(existsSync(path.join(dir, `scenarios/${names[0]}/logs/prometheus.log`))).toBe(true);
  expect(firedrillProcesses(result.pid)).toEqual([]);
  expect(firedrillContainers(result.pid)).toEqual([]);
  return dir;
}

// Through containers: the watchers' own faults (restarts of containers, a receiver outage, a
// killed sim host), a network fault through the loopback proxies, a crash of Cosmictron's and one
// fault of every other system (a sim fault goes through the same control API whatever the
// system). The processes driver runs them all.
const CONTAINERS_SUBSET = [
  "scenarios/cosmictron/node-crash.scenario.ts",
  "scenarios/watchers/",
  "scenarios/network/path-cut.scenario.ts",
  "scenarios/cognitora/engine-not-ready.scenario.ts",
  "scenarios/reactor/jobs-backlog.scenario.ts",
  "scenarios/lattice/zipnet-server-down.scenario.ts",
  "scenarios/dsfb/exporter-down.scenario.ts",
];

/** The whole live suite's report folder, once it ran: the parity and speed tests compare against it. */
let liveSuite: string | undefined;
/** The speed test's 1x run, started beside the whole suite. */
let realTime: SpeedRun | undefined;

describe("firedrill run", () => {
  // Three at a time: a stack mostly waits, so two cores carry three (66 scenarios passed in
  // 1014 s, load mostly 1.5–2.7, up to 7 while the Cognitora drills start; two at a time took
  // 1255 s for 50).
  it("passes the whole suite, every system's scenarios, through the processes driver", async () => {
    realTime = startSpeedRun(1);
    liveSuite = tempReportDir("processes");
    await runAll("processes", ["scenarios/"], ["--jobs", "3"], liveSuite);
  }, 3_600_000);
  // The time model's promise, on a scenario of the suite: 1x (run alongside the suite, or on its
  // own when the suite's test was left out) gives the same verdicts as the suite's 30x.
  it(
    "gives the same verdicts at 1x as at 30x (cosmictron-node-crash)",
    () => checkSpeed(realTime, liveSuite),
    1_800_000,
  );
  // Virtual time judges as the real stack does: every scenario of the live suite, run again in
  // virtual time (or, when the suite's test was left out, a live run of one per system).
  it(
    "gives every scenario the live suite's verdicts and alert times ±45 s in virtual time",
    () => checkParity(liveSuite),
    1_800_000,
  );
  it.skipIf(!docker)(
    "passes a subset of every system's scenarios and the watchers' faults through the containers driver (skipped when no Docker engine answers: run scripts/docker-engine.sh)",
    () => runAll("containers", CONTAINERS_SUBSET, ["--jobs", "2"]),
    1_800_000,
  );
});
