import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { AMTOOL, PROMTOOL } from "../../sim/test-support/stack-tools.ts";
import { InputError } from "../errors.ts";
import { useTempDir } from "../testing/use-temp-dir.ts";
import { repoRoot } from "../tools/tools.ts";
import { type WriteStackConfigsOptions, writeStackConfigs } from "./write-stack-configs.ts";

// Provisioned by `firedrill setup` (npm test runs it first).
const promtool = PROMTOOL ?? "promtool";
const amtool = AMTOOL ?? "amtool";

describe("writeStackConfigs", () => {
  const runDir = useTempDir("firedrill-run-");

  const options = (dir: string): WriteStackConfigsOptions => ({
    runDir: dir,
    speed: 30,
    ruleFiles: [path.join(repoRoot, "fixtures/cosmictron/rules.yml")],
    alertmanagerConfig: path.join(repoRoot, "fixtures/alertmanager.yml"),
    ports: {
      prometheus: 41601,
      alertmanager: 41602,
      alertmanagerCluster: 41603,
      collectorOtlpGrpc: 41604,
      collectorOtlpHttp: 41605,
      collectorPrometheus: 41606,
      collectorTelemetry: 41607,
    },
    jobs: [
      {
        job: "cosmictron",
        targets: [{ address: "127.0.0.1:41001", labels: { node: "cosmictron-0" } }],
      },
    ],
    webhookOrigin: "http://127.0.0.1:41608",
    traceSinkUrl: "http://127.0.0.1:41609",
    check: { promtool, amtool },
  });

  it("writes checked configs and rewritten rules into the run folder", async () => {
    const configs = await writeStackConfigs(options(runDir()));
    expect(configs.files).toEqual({
      prometheusConfig: path.join(runDir(), "prometheus.yml"),
      alertmanagerConfig: path.join(runDir(), "alertmanager.yml"),
      collectorConfig: path.join(runDir(), "otelcol.yml"),
    });
    expect(configs.ruleFiles).toEqual([path.join(runDir(), "rules", "0-rules.yml")]);
    expect(configs.extraArgs.alertmanager).toEqual(["--alerts.gc-interval=1m"]);
    expect(configs.extraArgs.prometheus[0]).toBe("--query.lookback-delta=10s");
    expect((await readdir(runDir())).sort()).toEqual([
      "alertmanager.yml",
      "otelcol.yml",
      "prometheus.yml",
      "rules",
    ]);
    const result = await execa(promtool, ["check", "config", configs.files.prometheusConfig], {
      reject: false,
    });
    expect(result.exitCode).toBe(0);
  });

  it("stops on a rule file promtool rejects, before writing configs", async () => {
    const dir = path.join(runDir(), "bad");
    const bad = { ...options(dir), ruleFiles: [path.join(repoRoot, "fixtures/alertmanager.yml")] };
    await expect(writeStackConfigs(bad)).rejects.toThrow(InputError);
    expect(await readdir(dir)).toEqual(["rules"]);
  });

  it("drills Cognitora's PrometheusRule and an AlertmanagerConfig, checked and rendered", async () => {
    const dir = path.join(runDir(), "kubernetes");
    const configs = await writeStackConfigs({
      ...options(dir),
      ruleFiles: [path.join(repoRoot, "fixtures/kubernetes/rules/cognitora-prometheus-rule.yaml")],
      alertmanagerConfig: path.join(repoRoot, "fixtures/kubernetes/alertmanager-config.yaml"),
    });
    expect(configs.ruleFiles).toEqual([
      path.join(dir, "rules", "0-cognitora-prometheus-rule-doc2.yml"),
    ]);
    const alerts = configs.ruleSources.flatMap((s) => s.groups.flatMap((g) => g.rules));
    expect(alerts.filter((r) => r.kind === "alert").map((r) => r.name)).toEqual([
      "CognitoraTtftSloBreach",
      "CognitoraCacheHitRatioLow",
      "CognitoraEngineNotReady",
      "CognitoraAdmissionQueueFull",
      "CognitoraHostMissing",
      "CognitoraMetricsDown",
    ]);
    // The rendered rules are scaled for speed 30, the Alertmanager config too, with the operator's names.
    expect(await readFile(configs.ruleFiles[0]!, "utf8")).toContain("for: 10s");
    expect(await readFile(configs.files.alertmanagerConfig, "utf8")).toContain(
      "  - name: cognitora/cognitora-routing/pager\n    webhook_configs:\n      - url: http://127.0.0.1:41608/receivers/pager",
    );
  });

  it("names the PrometheusRule's own file and line when promtool rejects its groups", async () => {
    const dir = path.join(runDir(), "bad-prometheus-rule");
    const file = path.join(runDir(), "bad-prometheus-rule.yaml");
    await writeFile(
      file,
      [
        "apiVersion: v1",
        "kind: Namespace",
        "metadata: { name: team }",
        "---",
        "apiVersion: monitoring.coreos.com/v1",
        "kind: PrometheusRule",
        "metadata: { name: broken, namespace: team }",
        "spec:",
        "  groups:",
        "    - name: g",
        "      rules:",
        "        - alert: A",
        "          expr: sum(rate(x[5m]) > 1",
        "",
      ].join("\n"),
    );
    const extracted = path.join(dir, "rules", "0-bad-prometheus-rule-doc2.extracted.yml");
    await expect(writeStackConfigs({ ...options(dir), ruleFiles: [file] })).rejects.toThrow(
      [
        `Failed to check ${file}: \`${promtool} check rules ${extracted}\` (document 2 of 2, PrometheusRule team/broken: its groups, on the same lines) exited with 1:`,
        `Checking ${file}`,
        "FAILED:",
        `${file}: 13:15: group "g", rule 1, "A": could not parse expression: 1:20: parse error: unclosed left parenthesis`,
        "Fix the rule file where promtool points.",
      ].join("\n"),
    );
  });
});
