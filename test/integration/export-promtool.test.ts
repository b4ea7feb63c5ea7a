import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadTools, repoRoot } from "../../harness/tools/tools.ts";
import { firedrillRun, tempReportDir } from "./support.ts";

// `firedrill export promtool` turns a drill into a promtool unit test a user keeps beside it:
// the samples Prometheus scraped, the alerts the drill saw. The test must pass as written and
// fail, in milliseconds, when the rule it pins down is made slower.
const dir = tempReportDir("export-promtool");
const out = path.join(dir, "engine-not-ready.promtool.yml");
let exported: Awaited<ReturnType<typeof firedrillRun>>;

interface ExportedTest {
  rule_files: string[];
  tests: {
    input_series: { series: string; values: string }[];
    alert_rule_test: {
      eval_time: string;
      alertname: string;
      exp_alerts: {
        exp_labels: Record<string, string>;
        exp_annotations?: Record<string, string>;
      }[];
    }[];
  }[];
}

beforeAll(async () => {
  exported = await firedrillRun([
    "export",
    "promtool",
    "scenarios/cognitora/engine-not-ready.scenario.ts",
    "--out",
    out,
    "--report-dir",
    path.join(dir, "report"),
  ]);
}, 300_000);

describe("firedrill export promtool", () => {
  it("writes a promtool test of the drill that promtool passes", async () => {
    expect(exported.exitCode, exported.all).toBe(0);
    expect(exported.stderr).toContain(`promtool test rules ${out}: passed`);
    const test = parse(await readFile(out, "utf8")) as ExportedTest;
    const checks = test.tests[0]!.alert_rule_test;
    // One check while the engine was down (fault at 2m, firing after `for: 2m`, healed at 8m),
    // one after it resolved: both on the 15 s grid.
    expect(checks.map((c) => [c.alertname, c.exp_alerts.map((a) => a.exp_labels.node)])).toEqual([
      ["CognitoraEngineNotReady", ["cgn-agent-0"]],
      ["CognitoraEngineNotReady", []],
    ]);
    const seconds = (text: string) =>
      [...text.matchAll(/(\d+)([hms])/g)].reduce(
        (sum, [, n, unit]) => sum + Number(n) * { h: 3600, m: 60, s: 1 }[unit as "h" | "m" | "s"],
        0,
      );
    const [firing, quiet] = checks.map((c) => seconds(c.eval_time));
    expect(firing).toBeGreaterThan(4 * 60 + 30);
    expect(firing).toBeLessThan(8 * 60);
    expect(quiet).toBeGreaterThan(8 * 60 + 30);
    expect(checks[0]!.exp_alerts[0]!.exp_annotations?.summary).toBe(
      "Cognitora agent cgn-agent-0: engine for mistral-7b-instruct-v0.3 not ready",
    );
    expect(test.tests[0]!.input_series.map((s) => s.series)).toContainEqual(
      expect.stringMatching(/^cgn_agent_engine_ready\{.*node="cgn-agent-0".*\}$/),
    );
  });

  it("fails in promtool, naming the alert, once the rule waits longer", async () => {
    const test = parse(await readFile(out, "utf8")) as ExportedTest;
    const rules = await readFile(path.join(repoRoot, "fixtures/cognitora/rules.yml"), "utf8");
    const slower = rules.replace(
      /(alert: CognitoraEngineNotReady\n\s+expr: [^\n]+\n\s+)for: 2m/,
      "$1for: 10m",
    );
    expect(slower).not.toBe(rules);
    await writeFile(path.join(dir, "slower.rules.yml"), slower);
    const edited = (await readFile(out, "utf8")).replace(
      test.rule_files.find((f) => f.endsWith("cognitora/rules.yml"))!,
      "slower.rules.yml",
    );
    await writeFile(path.join(dir, "slower.promtool.yml"), edited);
    const { promtool } = await loadTools();
    const run = await execa(promtool.path, ["test", "rules", "slower.promtool.yml"], {
      cwd: dir,
      reject: false,
      all: true,
    });
    expect(run.exitCode).toBe(1);
    expect(run.all).toMatch(/alertname: CognitoraEngineNotReady, time: \S+, \n\s+exp:\[\n\s+0:/);
  });

  it("never overwrites the file it wrote: exit 2 before anything starts", async () => {
    const again = await firedrillRun([
      "export",
      "promtool",
      "scenarios/cognitora/engine-not-ready.scenario.ts",
      "--out",
      out,
    ]);
    expect({ code: again.exitCode, stderr: again.stderr.trim() }).toEqual({
      code: 2,
      stderr: `firedrill: firedrill export promtool: ${out} already exists. firedrill never overwrites a file unasked: name another with --out, or pass --force to replace it.`,
    });
  });
});
