import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { expect, type Page, test } from "@playwright/test";
import type { RunResult, SuiteRun } from "../../harness/result/index.ts";
import { tuneReportExample } from "../../reports/html/tune-report-example.ts";
import { writeVerdictGrid } from "../../reports/html/write-html-report.ts";
import { writeTuneReport } from "../../reports/html/write-tune-report.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const shots = path.join(root, "test-results");

/** How long the page took to load and to paint first, as the browser measured it (ms). */
async function pageTimings(page: Page) {
  return page.evaluate(() => {
    // The browser's Performance API (tsconfig has no DOM types: the rest is Node code).
    type Entry = { startTime: number; loadEventEnd?: number };
    const perf = performance as unknown as { getEntriesByType(type: string): Entry[] };
    const nav = perf.getEntriesByType("navigation")[0];
    const paint = perf
      .getEntriesByType("paint")
      .find((e) => "name" in e && e.name === "first-contentful-paint");
    return {
      load: Math.round(nav?.loadEventEnd ?? -1),
      firstPaint: Math.round(paint?.startTime ?? -1),
    };
  });
}

// A drill that fails for a reason worth seeing: CosmictronNoLiveness waits `for: 3m` instead of
// 1m, so it fires, but late, after cosmictron-2 crashed at t=2m.
test.describe("the HTML report of a failing drill", () => {
  let report = "";
  let results: RunResult;

  test.beforeAll(async () => {
    test.setTimeout(150_000);
    mkdirSync(path.join(root, ".firedrill"), { recursive: true });
    const dir = mkdtempSync(path.join(root, ".firedrill", "browser-"));
    const original = readFileSync(path.join(root, "fixtures/cosmictron/rules.yml"), "utf8");
    const rules = path.join(dir, "rules.yml");
    const broken = original.replace(/(expr: up\{job="cosmictron"\} == 0\n\s+for: )1m/, "$13m");
    expect(broken).not.toBe(original);
    writeFileSync(rules, broken);
    report = mkdtempSync(path.join(os.tmpdir(), "firedrill-browser-"));
    const run = promisify(execFile)(
      process.execPath,
      [
        "bin/firedrill.js",
        "run",
        "scenarios/cosmictron/node-crash.scenario.ts",
        "--rules",
        rules,
        "--report-dir",
        report,
      ],
      { cwd: root, env: { ...process.env, FORCE_COLOR: "0" } },
    );
    const failure = await run.then(
      () => undefined,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failure?.code, failure?.stderr).toBe(1);
    expect(failure?.stderr?.trimEnd().split("\n").at(-1)).toBe(
      `report:  ${path.join(report, "index.html")}`,
    );
    results = JSON.parse(readFileSync(path.join(report, "results.json"), "utf8"));
  });

  test("shows the alert's lane, its series against the threshold and the failure", async ({
    page,
  }) => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(pathToFileURL(path.join(report, "index.html")).href);
    await expect(page.locator("body")).toHaveAttribute("data-ready", "true");
    const timings = await pageTimings(page);
    test.info().annotations.push({ type: "timing", description: JSON.stringify(timings) });

    await expect(page.locator(".overview .scenarios tbody tr")).toHaveText([
      /^cosmictron-node-crash\s*failed 1 of 2\s*[\d.]+s\s*12m$/,
    ]);
    const section = page.locator("section#scenario-cosmictron-node-crash");
    // The crashed node's lane (on a starved machine another node may show a pending blip).
    const lane = section.locator(".lane", {
      has: page.getByTitle('CosmictronNoLiveness{node="cosmictron-2",severity="critical"}', {
        exact: true,
      }),
    });
    await expect(lane).toHaveCount(1);
    await expect(lane).toHaveAttribute("data-alert", "CosmictronNoLiveness");
    await expect(lane.locator(".segment.pending")).toHaveCount(1);
    await expect(lane.locator(".segment.firing")).toHaveCount(1);
    await expect(lane.locator('.delivery.firing[data-receiver="pager"]').first()).toBeVisible();
    await expect(section.locator(".fault-window")).toHaveText(["crash"]);

    const [failed] = results.scenarios[0]!.expectations.filter((e) => e.state === "failed");
    expect(failed?.state === "failed" && failed.message).toMatch(
      /^CosmictronNoLiveness\{node="cosmictron-2",severity="critical"\} fired too late: /,
    );
    await expect(section.locator(".expectation.failed .failure-message")).toHaveText(
      failed?.state === "failed" ? failed.message : "",
    );

    const plot = section.locator('[data-plot="0:0"]');
    await expect(plot.locator("canvas")).toHaveCount(1);
    expect(Number(await plot.getAttribute("data-points"))).toBeGreaterThan(40);
    await expect(plot.locator(".u-legend .u-series .u-label")).toContainText([
      'node="cosmictron-2"',
      "threshold == 0",
    ]);
    await expect(section.locator(".logs a")).toHaveText([
      "alertmanager.log",
      "collector.log",
      "prometheus.log",
      "sim-cosmictron.log",
    ]);
    const href = await section
      .locator(".logs a", { hasText: "prometheus.log" })
      .getAttribute("href");
    expect(readFileSync(path.join(report, href!), "utf8")).toContain("Server is ready");
    expect(errors).toEqual([]);
    await page.screenshot({ path: path.join(shots, "report-failing-drill.png"), fullPage: true });
  });
});

// The verdict grid of `--repeat`: from results of two runs that disagree on one scenario.
test("the verdict grid of repeated runs marks a flaky scenario and links to each run", async ({
  page,
}) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "firedrill-grid-"));
  const result = (states: ("passed" | "failed")[]): RunResult => ({
    runId: "fd1",
    startedAt: "2026-12-01T10:00:00.000Z",
    wallSeconds: 10,
    versions: {},
    assumptions: [],
    scenarios: ["a-steady", "b-flaky"].map((name, i) => ({
      name,
      file: `${name}.scenario.ts`,
      state: states[i]!,
      driver: "processes",
      speed: 30,
      startedAt: "2026-12-01T10:00:00.000Z",
      wallSeconds: 5,
      durationFleetSeconds: 600,
      faults: [],
      alerts: [],
      deliveries: [],
      expectations: [],
    })),
  });
  const runs: SuiteRun[] = [
    { label: "run 1", reportDir: path.join(dir, "run-1"), result: result(["passed", "passed"]) },
    { label: "run 2", reportDir: path.join(dir, "run-2"), result: result(["passed", "failed"]) },
  ];
  await page.goto(pathToFileURL(await writeVerdictGrid(dir, runs)).href);
  await expect(page.locator(".verdict-grid tbody tr")).toHaveText([
    /^a-steady\s*passed\s*passed$/,
    /^b-flaky flaky\s*passed\s*failed$/,
  ]);
  await expect(page.locator(".verdict-grid tbody tr.flaky td.cell.failed a")).toHaveAttribute(
    "href",
    "run-2/index.html#scenario-b-flaky",
  );
  await page.screenshot({ path: path.join(shots, "report-verdict-grid.png") });
});

// firedrill tune's page, from a tune.json as a sweep of three `for` values writes it.
test("the tune page plots each value's latencies against the budget and its noise", async ({
  page,
}) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const dir = mkdtempSync(path.join(os.tmpdir(), "firedrill-tune-"));
  await page.goto(pathToFileURL(await writeTuneReport(dir, tuneReportExample())).href);
  await expect(page.locator("body")).toHaveAttribute("data-ready", "true");
  await expect(page.locator(".tune-table tbody tr")).toHaveText([
    /^for 0s\s*49s\s*49s\s*8 \/ 0 \(no-leader-blip-noise\)\s*noisy$/,
    /^for 30s \(as written\)\s*1m15s\s*1m15s\s*0 \/ 0\s*good$/,
    /^for 3m\s*3m53s\s*missed\s*0 \/ 0\s*misses$/,
  ]);
  const latency = page.locator('[data-tune-plot="latency"]');
  await expect(latency.locator("canvas")).toHaveCount(1);
  // Two fault drills (one missed at 3m) and the budget, over three values: 5 + 3 points.
  await expect(latency).toHaveAttribute("data-points", "8");
  await expect(latency.locator(".u-legend .u-series .u-label")).toContainText([
    "no-leader",
    "no-leader-just-over-for",
    "budget",
  ]);
  const noise = page.locator('[data-tune-plot="noise"]');
  await expect(noise.locator("canvas")).toHaveCount(1);
  await expect(noise).toHaveAttribute("data-points", "6");
  expect(errors).toEqual([]);
  await page.screenshot({ path: path.join(shots, "report-tune.png"), fullPage: true });
});
