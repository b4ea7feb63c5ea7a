import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { PROMTOOL } from "../../sim/test-support/stack-tools.ts";
import { rewriteRuleFile } from "../time/index.ts";
import { repoRoot } from "../tools/tools.ts";
import {
  type PrometheusConfigOptions,
  renderPrometheusConfig,
} from "./render-prometheus-config.ts";

// Provisioned by `firedrill setup` (npm test runs it first).
const promtool = PROMTOOL ?? "promtool";

const options = (ruleFile: string): PrometheusConfigOptions => ({
  speed: 30,
  scrapeInterval: "15s",
  evaluationInterval: "15s",
  ruleFiles: [ruleFile],
  alertmanagerUrl: "127.0.0.1:41100",
  jobs: [
    {
      job: "cosmictron",
      targets: [
        { address: "127.0.0.1:41001", labels: { node: "cosmictron-0" } },
        { address: "127.0.0.1:41002", labels: { node: "cosmictron-1" } },
      ],
    },
  ],
  collectorPrometheus: "127.0.0.1:41200",
  collectorTelemetry: "127.0.0.1:41201",
});

describe("renderPrometheusConfig", () => {
  let dir: string;
  let ruleFile: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "firedrill-prometheus-"));
    ruleFile = path.join(dir, "cosmictron.yml");
    const fixture = path.join(repoRoot, "fixtures/cosmictron/rules.yml");
    await writeFile(
      ruleFile,
      rewriteRuleFile(await readFile(fixture, "utf8"), { speed: 30, file: fixture }),
    );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("divides the fleet's intervals by the speed and scrapes the fleet and the Collector", () => {
    expect(renderPrometheusConfig(options("/run/rules/cosmictron.yml"))).toBe(
      `# Rendered by firedrill for speed 30: fleet intervals (scrape 15s, evaluation 15s) divided by 30.

global:
  scrape_interval: 500ms
  scrape_timeout: 400ms
  evaluation_interval: 500ms
rule_files:
  - /run/rules/cosmictron.yml
alerting:
  alertmanagers:
    - static_configs:
        - targets:
            - 127.0.0.1:41100
scrape_configs:
  - job_name: cosmictron
    scrape_interval: 500ms
    scrape_timeout: 400ms
    static_configs:
      - targets:
          - 127.0.0.1:41001
        labels:
          node: cosmictron-0
      - targets:
          - 127.0.0.1:41002
        labels:
          node: cosmictron-1
  - job_name: otelcol-spanmetrics
    scrape_interval: 500ms
    scrape_timeout: 400ms
    static_configs:
      - targets:
          - 127.0.0.1:41200
  - job_name: otelcol
    scrape_interval: 500ms
    scrape_timeout: 400ms
    static_configs:
      - targets:
          - 127.0.0.1:41201
`,
    );
  });

  it("passes promtool check config, rule files included", async () => {
    const file = path.join(dir, "prometheus.yml");
    await writeFile(file, renderPrometheusConfig(options(ruleFile)));
    const result = await execa(promtool, ["check", "config", file], { reject: false });
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
  });

  it("keeps a job's scrape timeout within its own interval, and takes an Alertmanager URL", () => {
    const config = parse(
      renderPrometheusConfig({
        ...options("/r.yml"),
        speed: 1,
        alertmanagerUrl: "http://127.0.0.1:41100/am",
        jobs: [
          {
            job: "fast",
            scrapeInterval: "5s",
            metricsPath: "/stats",
            targets: [{ address: "127.0.0.1:1" }],
          },
        ],
      }),
    );
    expect(config.alerting).toEqual({
      alertmanagers: [
        { scheme: "http", path_prefix: "/am", static_configs: [{ targets: ["127.0.0.1:41100"] }] },
      ],
    });
    expect(config.scrape_configs[0]).toEqual({
      job_name: "fast",
      scrape_interval: "5s",
      scrape_timeout: "5s",
      metrics_path: "/stats",
      static_configs: [{ targets: ["127.0.0.1:1"] }],
    });
    expect(config.global).toEqual({
      scrape_interval: "15s",
      scrape_timeout: "12s",
      evaluation_interval: "15s",
    });
  });

  it("refuses a job name twice", () => {
    expect(() =>
      renderPrometheusConfig({ ...options("/r.yml"), jobs: [{ job: "otelcol", targets: [] }] }),
    ).toThrow(
      'Failed to render prometheus.yml: job "otelcol" appears twice. Give every scrape job its own name (otelcol and otelcol-spanmetrics are firedrill\'s).',
    );
  });
});
