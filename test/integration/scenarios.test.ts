import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  dockerAvailable,
  firedrill,
  firedrillContainers,
  firedrillProcesses,
  firedrillRun,
  readResults,
  tempReportDir,
} from "./support.ts";

const docker = dockerAvailable();

// The quick start's main job, for real: the four Cosmictron scenarios against the real stack,
// through each driver, at the default speed.
async function runAll(driver: "processes" | "containers"): Promise<void> {
  const dir = tempReportDir(driver);
  const result = await firedrillRun([
    "run",
    "scenarios/cosmictron/",
    "--driver",
    driver,
    "--report-dir",
    dir,
  ]);
  expect(result.all).toContain("scenarios: 4 passed, 0 failed");
  expect(result.exitCode).toBe(0);

  const results = readResults(dir);
  expect(results.scenarios.map((s) => [s.name, s.state])).toEqual([
    ["cosmictron-baseline", "passed"],
    ["cosmictron-node-crash", "passed"],
    ["cosmictron-tsa-errors", "passed"],
    ["cosmictron-wal-fsync-stall", "passed"],
  ]);
  expect(results.versions.prometheus).toMatch(/^2\.42\.0/);
  expect(results.versions.alertmanager).toBe("0.25.0");
  expect(results.versions.collector).toBe("0.155.0");
  expect(results.assumptions.map((a) => a.metric)).toContain("cosmictron_storage_disk_total_bytes");
  const fsync = results.scenarios.find((s) => s.name === "cosmictron-wal-fsync-stall")!;
  const observed = fsync.expectations[0]!.observed!;
  for (const key of [
    "faultAt",
    "pendingAt",
    "firingAt",
    "deliveredAt",
    "healedAt",
    "resolvedAt",
    "resolvedDeliveredAt",
  ]) {
    expect(typeof observed[key], key).toBe("number");
  }
  const junit = readFileSync(path.join(dir, "junit.xml"), "utf8");
  expect(junit.match(/<testsuite /g)?.length).toBe(4);
  expect(junit).not.toContain("<failure");
  expect(existsSync(path.join(dir, "scenarios/cosmictron-node-crash/logs/prometheus.log"))).toBe(
    true,
  );

  expect(firedrillProcesses(result.pid)).toEqual([]);
  expect(firedrillContainers(result.pid)).toEqual([]);
}

describe("firedrill run scenarios/", () => {
  it("passes every scenario through the processes driver", () => runAll("processes"));
  it.skipIf(!docker)(
    "passes every scenario through the containers driver (skipped when no Docker engine answers: run scripts/docker-engine.sh)",
    () => runAll("containers"),
  );
});
