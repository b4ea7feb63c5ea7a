import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { StackPorts, StackSpec } from "../stack/types.ts";
import { rewriteRuleFile } from "../time/rewrite-rule-file.ts";
import { checkAlertmanagerConfig, checkRules } from "./promtool.ts";
import { renderAlertmanagerConfig } from "./render-alertmanager-config.ts";
import { renderCollectorConfig } from "./render-collector-config.ts";
import { renderPrometheusConfig, type ScrapeJob } from "./render-prometheus-config.ts";
import { alertmanagerTimeFlags, prometheusTimeFlags } from "./time-flags.ts";

/** What writeStackConfigs needs: fleet-time inputs, the run's ports and sinks. */
export interface WriteStackConfigsOptions {
  /** The run's folder (absolute); configs go in it, rewritten rules in its rules/. */
  readonly runDir: string;
  readonly speed: number;
  /** Rule files as written, in fleet time. */
  readonly ruleFiles: readonly string[];
  /** The Alertmanager config as written, with webhooks on the placeholder origin. */
  readonly alertmanagerConfig: string;
  readonly ports: StackPorts;
  /** The fleet's scrape jobs; the Collector's are added. */
  readonly jobs: readonly ScrapeJob[];
  readonly webhookOrigin: string;
  readonly traceSinkUrl: string;
  /** Fleet-time intervals; both default to 15s. */
  readonly scrapeInterval?: string;
  readonly evaluationInterval?: string;
  /** When given, every file written is checked with promtool and amtool before it is used. */
  readonly check?: { readonly promtool: string; readonly amtool: string };
}

/** The files written and the flags to start the stack with, ready for a StackSpec. */
export interface StackConfigs {
  readonly files: StackSpec["files"];
  readonly ruleFiles: readonly string[];
  readonly extraArgs: StackSpec["extraArgs"];
  /** Why each rule that reads wall-clock time was left out of the sped-up rule files. */
  readonly speedOneRules: readonly string[];
}

/**
 * Writes a run's stack configs for `speed`: rewritten rule files in runDir/rules/, then
 * prometheus.yml, alertmanager.yml and otelcol.yml in runDir, checked with promtool and amtool
 * when `check` gives their paths (loadTools().promtool.path, loadTools().amtool.path).
 * @example const { files, extraArgs } = await writeStackConfigs({ runDir, speed: 30, ... });
 */
export async function writeStackConfigs(options: WriteStackConfigsOptions): Promise<StackConfigs> {
  const { runDir, speed, ports, check } = options;
  await mkdir(path.join(runDir, "rules"), { recursive: true });
  const ruleFiles: string[] = [];
  const speedOneRules: string[] = [];
  for (const [index, original] of options.ruleFiles.entries()) {
    if (check) await checkRules(original, check.promtool);
    const target = path.join(runDir, "rules", `${index}-${path.basename(original)}`);
    await writeFile(
      target,
      rewriteRuleFile(await readFile(original, "utf8"), {
        speed,
        file: original,
        onSpeedOneRule: (message) => speedOneRules.push(message),
      }),
    );
    if (check) await checkRules(target, check.promtool);
    ruleFiles.push(target);
  }
  const files = {
    prometheusConfig: path.join(runDir, "prometheus.yml"),
    alertmanagerConfig: path.join(runDir, "alertmanager.yml"),
    collectorConfig: path.join(runDir, "otelcol.yml"),
  };
  const alertmanagerText = await readFile(options.alertmanagerConfig, "utf8");
  await writeFile(
    files.alertmanagerConfig,
    renderAlertmanagerConfig(alertmanagerText, {
      speed,
      webhookOrigin: options.webhookOrigin,
      file: options.alertmanagerConfig,
    }),
  );
  if (check) await checkAlertmanagerConfig(files.alertmanagerConfig, check.amtool);
  await writeFile(
    files.collectorConfig,
    renderCollectorConfig({
      speed,
      ports: {
        otlpGrpc: ports.collectorOtlpGrpc,
        otlpHttp: ports.collectorOtlpHttp,
        prometheus: ports.collectorPrometheus,
        telemetry: ports.collectorTelemetry,
      },
      traceSinkUrl: options.traceSinkUrl,
    }),
  );
  await writeFile(
    files.prometheusConfig,
    renderPrometheusConfig({
      speed,
      scrapeInterval: options.scrapeInterval ?? "15s",
      evaluationInterval: options.evaluationInterval ?? "15s",
      ruleFiles,
      alertmanagerUrl: `127.0.0.1:${ports.alertmanager}`,
      jobs: options.jobs,
      collectorPrometheus: `127.0.0.1:${ports.collectorPrometheus}`,
      collectorTelemetry: `127.0.0.1:${ports.collectorTelemetry}`,
    }),
  );
  return {
    files,
    ruleFiles,
    extraArgs: {
      prometheus: prometheusTimeFlags(speed),
      alertmanager: alertmanagerTimeFlags(speed),
    },
    speedOneRules,
  };
}
