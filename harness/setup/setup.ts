import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { recordedTool, resolvedTool, type Tool, type Tools, toolsDir } from "../tools/tools.ts";
import { alertmanagerSource } from "./alertmanager-source.ts";
import { buildCollector } from "./collector-build.ts";
import { buildEvaluator } from "./evaluator-build.ts";
import { expectedToolPaths } from "./expected-tool-paths.ts";
import { findGo } from "./find-go.ts";
import { buildGoModule } from "./go-module-build.ts";
import { installBuilder } from "./install-builder.ts";
import { pins } from "./pins.ts";
import { resolvePrometheusVersion } from "./resolve-prometheus-version.ts";
import { withSetupLock } from "./setup-lock.ts";
import type { SetupProgress, SetupStepName, SetupStepResult } from "./setup-progress.ts";
import { toolVersion } from "./tool-version.ts";

/** Options of setup(). */
export interface SetupOptions {
  /** Build everything again, ignoring the caches. */
  readonly force?: boolean;
  /** Progress for the terminal; see printSetupProgress(). */
  readonly onProgress?: (event: SetupProgress) => void;
  /** The tools folder; defaults to <repo>/.tools (or $FIREDRILL_TOOLS_DIR). */
  readonly dir?: string;
  /** The Collector builder manifest; defaults to fixtures/otelcol/builder-config.yaml. */
  readonly collectorManifest?: string;
  /** A pinned Prometheus line to build besides the default (`3.5.x`); see pins.ts. */
  readonly prometheusVersion?: string;
}

/** What setup() provisioned, and how each step went. */
export interface SetupResult {
  /** The tools, with prometheus and promtool of the asked-for line. */
  readonly tools: Tools;
  readonly steps: readonly SetupStepResult[];
  readonly manifestPath: string;
}

/** prometheus and promtool of one pinned line, as manifest.json records them. */
export type PrometheusLine = { readonly prometheus: Tool; readonly promtool: Tool };

/**
 * Provisions the stack's pinned binaries into .tools/ and records them in .tools/manifest.json:
 * Prometheus with promtool (the default line, and the asked-for one) and Alertmanager with amtool,
 * built from their Go modules, and the Collector built with the OpenTelemetry Collector Builder.
 * Cached and idempotent: a second run only re-reads the versions. Throws SetupError (exit code 2).
 *
 * @example
 * const { tools } = await setup({ onProgress: printSetupProgress() });
 */
export async function setup(options: SetupOptions = {}): Promise<SetupResult> {
  const dir = options.dir ?? toolsDir;
  const manifest = options.collectorManifest ?? pins.collectorManifest;
  const emit = options.onProgress ?? (() => {});
  const force = options.force ?? false;
  const asked = resolvePrometheusVersion(options.prometheusVersion);
  return withSetupLock(
    dir,
    async () => {
      const paths = await expectedToolPaths(dir, manifest);
      const steps: SetupStepResult[] = [];
      const timed = async (
        step: SetupStepName,
        work: () => Promise<{ cached: boolean; version: string }>,
      ) => {
        const started = performance.now();
        const { cached, version } = await work();
        const result: SetupStepResult = {
          step,
          state: cached ? "cached" : "done",
          version,
          ms: Math.round(performance.now() - started),
        };
        steps.push(result);
        emit(result);
      };
      const started = (step: SetupStepName) => (detail: string) =>
        emit({ state: "started", step, detail });
      const heartbeat = (step: SetupStepName) => (elapsedMs: number, detail?: string) =>
        emit({ state: "working", step, elapsedMs, detail });

      const go = await findGo("prometheus");
      const lines: Record<string, PrometheusLine> = {};
      const lineVersions = [...new Set([pins.prometheus.default, asked])];
      for (const version of lineVersions) {
        const pin = pins.prometheus.versions[version]!;
        const line = await expectedToolPaths(dir, manifest, version);
        await timed("prometheus", async () => {
          const built = await buildGoModule({
            step: "prometheus",
            go,
            modulePath: pins.prometheus.modulePath,
            moduleVersion: pin.module,
            version,
            packages: ["cmd/prometheus", "cmd/promtool"].map(
              (cmd) => `${pins.prometheus.modulePath}/${cmd}`,
            ),
            tags: pin.tags,
            buildDir: path.join(line.buildDir, `prometheus-${version}`),
            outputDir: line.prometheusDir,
            force,
            onStart: started("prometheus"),
            onHeartbeat: heartbeat("prometheus"),
          });
          const [prometheus, promtool] = await Promise.all([
            toolVersion("prometheus", line.prometheus),
            toolVersion("prometheus", line.promtool),
          ]);
          lines[version] = {
            prometheus: { path: line.prometheus, version: prometheus },
            promtool: { path: line.promtool, version: promtool },
          };
          return { cached: built.cached, version: prometheus };
        });
      }
      await timed("alertmanager", async () => {
        const built = await buildGoModule({
          step: "alertmanager",
          go,
          modulePath: pins.alertmanager.modulePath,
          moduleVersion: pins.alertmanager.module,
          version: pins.alertmanager.version,
          packages: ["cmd/alertmanager", "cmd/amtool"].map(
            (cmd) => `${pins.alertmanager.modulePath}/${cmd}`,
          ),
          tags: [],
          buildDir: path.join(paths.buildDir, `alertmanager-${pins.alertmanager.version}`),
          outputDir: paths.alertmanagerDir,
          localSource: alertmanagerSource,
          force,
          onStart: started("alertmanager"),
          onHeartbeat: heartbeat("alertmanager"),
        });
        return {
          cached: built.cached,
          version: await toolVersion("alertmanager", paths.alertmanager),
        };
      });

      let otelcol = "";
      let otelcolVersion = "";
      let builder = path.join(dir, "bin", "builder");
      await timed("builder", async () => {
        const installed = await installBuilder({
          step: "builder",
          go,
          binDir: path.join(dir, "bin"),
          module: pins.builder.module,
          version: pins.builder.version,
          force,
          onStart: started("builder"),
        });
        builder = installed.binary;
        return { cached: installed.cached, version: pins.builder.version };
      });
      await timed("otelcol", async () => {
        const built = await buildCollector({
          step: "otelcol",
          builder,
          go,
          manifest,
          outputDir: paths.otelcolDir,
          force,
          onStart: started("otelcol"),
          onHeartbeat: heartbeat("otelcol"),
        });
        otelcol = built.binary;
        otelcolVersion = await toolVersion("otelcol", otelcol);
        return { cached: built.cached, version: otelcolVersion };
      });

      await timed("evaluator", async () => {
        const built = await buildEvaluator({
          step: "evaluator",
          go,
          force,
          onStart: started("evaluator"),
        });
        return { cached: built.cached, version: "virtual time (go.mod pins)" };
      });

      const [alertmanagerVersion, amtoolVersion] = await Promise.all([
        toolVersion("alertmanager", paths.alertmanager),
        toolVersion("alertmanager", paths.amtool),
      ]);
      const common = {
        alertmanager: { path: paths.alertmanager, version: alertmanagerVersion },
        amtool: { path: paths.amtool, version: amtoolVersion },
        otelcol: { path: otelcol, version: otelcolVersion },
      };
      const manifestPath = path.join(dir, "manifest.json");
      const recorded = await readLines(manifestPath);
      // The top level is the default line (what tests and tools without a flag use).
      // Paths relative to the folder (recordedTool); an older manifest's absolute ones too.
      const asRecorded = <T extends Record<string, Tool>>(tools: T) =>
        Object.fromEntries(
          Object.entries(tools).map(([name, t]) => [name, recordedTool(dir, resolvedTool(dir, t))]),
        ) as T;
      const allLines = { ...recorded, ...lines };
      const record = {
        ...asRecorded({ ...lines[pins.prometheus.default]!, ...common }),
        prometheusLines: Object.fromEntries(
          Object.entries(allLines).map(([version, line]) => [version, asRecorded(line)]),
        ),
      };
      await mkdir(dir, { recursive: true });
      const partial = `${manifestPath}.partial-${process.pid}`;
      await writeFile(partial, `${JSON.stringify(record, null, 2)}\n`);
      await rename(partial, manifestPath);
      return { tools: { ...lines[asked]!, ...common }, steps, manifestPath };
    },
    (owner) =>
      emit({ state: "note", message: `waiting for another setup (pid ${owner}) to finish` }),
  );
}

/** The Prometheus lines an earlier setup recorded, so building one keeps the others. */
async function readLines(manifestPath: string): Promise<Record<string, PrometheusLine>> {
  try {
    const parsed = JSON.parse(await readFile(manifestPath, "utf8")) as {
      prometheusLines?: Record<string, PrometheusLine>;
    };
    return parsed.prometheusLines ?? {};
  } catch {
    return {};
  }
}
