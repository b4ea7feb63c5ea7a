import { access, mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { type Tools, toolsDir } from "../tools/tools.ts";
import { buildCollector } from "./collector-build.ts";
import { provisionDebianPackage } from "./debian-package.ts";
import { expectedToolPaths } from "./expected-tool-paths.ts";
import { findGo } from "./find-go.ts";
import { installBuilder } from "./install-builder.ts";
import { pins } from "./pins.ts";
import { relocateAlertmanager } from "./relocate-alertmanager.ts";
import { withSetupLock } from "./setup-lock.ts";
import type { SetupProgress, SetupStepName, SetupStepResult } from "./setup-progress.ts";
import { toolVersion } from "./tool-version.ts";

/** Options of setup(). */
export interface SetupOptions {
  /** Fetch, unpack and build everything again, ignoring the caches. */
  readonly force?: boolean;
  /** Progress for the terminal; see printSetupProgress(). */
  readonly onProgress?: (event: SetupProgress) => void;
  /** The tools folder; defaults to <repo>/.tools (or $FIREDRILL_TOOLS_DIR). */
  readonly dir?: string;
  /** The Collector builder manifest; defaults to fixtures/otelcol/builder-config.yaml. */
  readonly collectorManifest?: string;
}

/** What setup() provisioned, and how each step went. */
export interface SetupResult {
  readonly tools: Tools;
  readonly steps: readonly SetupStepResult[];
  readonly manifestPath: string;
}

/**
 * Provisions the stack's pinned binaries into .tools/ and records them in .tools/manifest.json:
 * Prometheus and promtool, Alertmanager and amtool from Debian's packages (downloaded, unpacked,
 * never installed), and the Collector built with the OpenTelemetry Collector Builder. Cached and
 * idempotent: a second run only re-reads the versions. Throws SetupError (exit code 2).
 *
 * @example
 * const { tools } = await setup({ onProgress: printSetupProgress() });
 */
export async function setup(options: SetupOptions = {}): Promise<SetupResult> {
  const dir = options.dir ?? toolsDir;
  const manifest = options.collectorManifest ?? pins.collectorManifest;
  const emit = options.onProgress ?? (() => {});
  const force = options.force ?? false;
  return withSetupLock(
    dir,
    async () => {
      const paths = await expectedToolPaths(dir, manifest);
      const cacheDir = path.join(dir, "cache", "debs");
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
      const note = (message: string) => emit({ state: "note", message });

      let prometheusVersion = "";
      let alertmanagerVersion = "";
      await timed("prometheus", async () => {
        const { cached } = await provisionDebianPackage({
          step: "prometheus",
          name: pins.prometheus.debianPackage,
          version: pins.prometheus.debianVersion,
          targetDir: paths.prometheusDir,
          cacheDir,
          marker: path.relative(paths.prometheusDir, paths.prometheus),
          force,
          onNote: note,
          onStart: started("prometheus"),
        });
        prometheusVersion = await toolVersion("prometheus", paths.prometheus);
        return { cached, version: prometheusVersion };
      });
      await timed("alertmanager", async () => {
        const { cached } = await provisionDebianPackage({
          step: "alertmanager",
          name: pins.alertmanager.debianPackage,
          version: pins.alertmanager.debianVersion,
          targetDir: paths.alertmanagerDir,
          cacheDir,
          marker: path.relative(paths.alertmanagerDir, paths.debianAlertmanager),
          force,
          onNote: note,
          onStart: started("alertmanager"),
        });
        const relocated = await access(paths.alertmanager).then(
          () => true,
          () => false,
        );
        if (force || !cached || !relocated) {
          await relocateAlertmanager("alertmanager", paths.debianAlertmanager, paths.alertmanager);
        }
        alertmanagerVersion = await toolVersion("alertmanager", paths.alertmanager);
        return { cached: cached && relocated, version: alertmanagerVersion };
      });

      let otelcol = "";
      let otelcolVersion = "";
      let builder = path.join(dir, "bin", "builder");
      let go: string | undefined;
      await timed("builder", async () => {
        go = await findGo("builder");
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
          go: go ?? (await findGo("otelcol")),
          manifest,
          outputDir: paths.otelcolDir,
          force,
          onStart: started("otelcol"),
          onHeartbeat: (elapsedMs, phase) =>
            emit({ state: "working", step: "otelcol", elapsedMs, detail: phase }),
        });
        otelcol = built.binary;
        otelcolVersion = await toolVersion("otelcol", otelcol);
        return { cached: built.cached, version: otelcolVersion };
      });

      const [promtoolVersion, amtoolVersion] = await Promise.all([
        toolVersion("prometheus", paths.promtool),
        toolVersion("alertmanager", paths.amtool),
      ]);
      const tools: Tools = {
        prometheus: { path: paths.prometheus, version: prometheusVersion },
        promtool: { path: paths.promtool, version: promtoolVersion },
        alertmanager: { path: paths.alertmanager, version: alertmanagerVersion },
        amtool: { path: paths.amtool, version: amtoolVersion },
        otelcol: { path: otelcol, version: otelcolVersion },
      };
      const manifestPath = path.join(dir, "manifest.json");
      await mkdir(dir, { recursive: true });
      const partial = `${manifestPath}.partial-${process.pid}`;
      await writeFile(partial, `${JSON.stringify(tools, null, 2)}\n`);
      await rename(partial, manifestPath);
      return { tools, steps, manifestPath };
    },
    (owner) =>
      emit({ state: "note", message: `waiting for another setup (pid ${owner}) to finish` }),
  );
}
