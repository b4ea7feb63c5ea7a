import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AMTOOL, PROMTOOL } from "../../sim/test-support/stack-tools.ts";
import { InputError } from "../errors.ts";
import { repoRoot } from "../tools/tools.ts";
import { type WriteStackConfigsOptions, writeStackConfigs } from "./write-stack-configs.ts";

// Provisioned by `firedrill setup` (npm test runs it first).
const promtool = PROMTOOL ?? "promtool";
const amtool = AMTOOL ?? "amtool";

describe("writeStackConfigs", () => {
  let runDir: string;
  beforeAll(async () => {
    runDir = await mkdtemp(path.join(tmpdir(), "firedrill-run-"));
  });
  afterAll(async () => {
    await rm(runDir, { recursive: true, force: true });
  });

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
    const configs = await writeStackConfigs(options(runDir));
    expect(configs.files).toEqual({
      prometheusConfig: path.join(runDir, "prometheus.yml"),
      alertmanagerConfig: path.join(runDir, "alertmanager.yml"),
      collectorConfig: path.join(runDir, "otelcol.yml"),
    });
    expect(configs.ruleFiles).toEqual([path.join(runDir, "rules", "0-rules.yml")]);
    expect(configs.extraArgs.alertmanager).toEqual(["--alerts.gc-interval=1m"]);
    expect(configs.extraArgs.prometheus[0]).toBe("--query.lookback-delta=10s");
    expect((await readdir(runDir)).sort()).toEqual([
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
    const dir = path.join(runDir, "bad");
    const bad = { ...options(dir), ruleFiles: [path.join(repoRoot, "fixtures/alertmanager.yml")] };
    await expect(writeStackConfigs(bad)).rejects.toThrow(InputError);
    expect(await readdir(dir)).toEqual(["rules"]);
  });
});
