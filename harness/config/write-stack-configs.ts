import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { RuleSource } from "../rules/index.ts";
import { promqlFeatures, readRuleFiles } from "../rules/index.ts";
import type { StackPorts, StackSpec } from "../stack/index.ts";
import { rewriteRuleFile } from "../time/index.ts";
import { checkAlertmanagerConfig, checkRules, featureArgs } from "./promtool.ts";
import { readAlertmanagerConfig } from "./read-alertmanager-config.ts";
import { renderAlertmanagerConfig } from "./render-alertmanager-config.ts";
import { renderCollectorConfig } from "./render-collector-config.ts";
import { renderPrometheusConfig, type ScrapeJob } from "./render-prometheus-config.ts";
import { alertmanagerTimeFlags, prometheusTimeFlags } from "./time-flags.ts";

/** What writeStackConfigs needs: fleet-time inputs, the run's ports and sinks. */
export interface WriteStackConfigsOptions {
  /** The run's folder (absolute); configs go in it, rewritten rules in its rules/. */
  readonly runDir: string;
  readonly speed: number;
  /** Rule files as written, in fleet time: plain rule files or PrometheusRule streams. */
  readonly ruleFiles: readonly string[];
  /** The Alertmanager config file as written (or AlertmanagerConfig objects), webhooks on the placeholder origin. */
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
  /** The rule groups read, with their original file and line. */
  readonly ruleSources: readonly RuleSource[];
  /** The Alertmanager config applied, in fleet time (after any AlertmanagerConfig merge). */
  readonly alertmanagerText: string;
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
  const { sources } = await readRuleFiles(options.ruleFiles);
  // anchored/smoothed and experimental functions load only with their feature flag on.
  const features = promqlFeatures(sources);
  for (const [index, source] of sources.entries()) {
    const original = source.file;
    const stem = path.basename(original).replace(/\.ya?ml$/, "");
    const name = source.verbatim
      ? `${index}-${path.basename(original)}`
      : `${index}-${stem}-doc${source.document + 1}.yml`;
    if (check && source.verbatim) await checkRules(original, check.promtool, undefined, features);
    if (check && !source.verbatim) {
      // promtool reads only plain rule files: check the groups cut out line for line, named as the original.
      const extracted = path.join(runDir, "rules", `${name.replace(/\.yml$/, "")}.extracted.yml`);
      await writeFile(extracted, source.text);
      await checkRules(
        extracted,
        check.promtool,
        {
          file: original,
          note: `document ${source.document + 1} of ${source.documents}${source.object ? `, ${source.kind} ${source.object}` : ""}: its groups, on the same lines`,
        },
        features,
      );
    }
    const target = path.join(runDir, "rules", name);
    await writeFile(
      target,
      rewriteRuleFile(source.text, {
        speed,
        file: original,
        onSpeedOneRule: (message) => speedOneRules.push(message),
      }),
    );
    if (check) await checkRules(target, check.promtool, undefined, features);
    ruleFiles.push(target);
  }
  const files = {
    prometheusConfig: path.join(runDir, "prometheus.yml"),
    alertmanagerConfig: path.join(runDir, "alertmanager.yml"),
    collectorConfig: path.join(runDir, "otelcol.yml"),
  };
  const alertmanagerText = readAlertmanagerConfig(
    await readFile(options.alertmanagerConfig, "utf8"),
    options.alertmanagerConfig,
  ).text;
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
    ruleSources: sources,
    alertmanagerText,
    extraArgs: {
      prometheus: [...prometheusTimeFlags(speed), ...featureArgs(features)],
      alertmanager: alertmanagerTimeFlags(speed),
    },
    speedOneRules,
  };
}
