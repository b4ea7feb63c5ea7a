import { constants } from "node:fs";
import { access, readFile } from "node:fs/promises";
import path from "node:path";
import { ToolsMissingError } from "../errors.ts";
import { loadTools, resolvedTool, type Tools, toolNames, toolsDir } from "../tools/tools.ts";
import { expectedToolPaths } from "./expected-tool-paths.ts";
import { resolvePrometheusVersion } from "./resolve-prometheus-version.ts";
import { type PrometheusLine, setup } from "./setup.ts";
import type { SetupProgress } from "./setup-progress.ts";

/**
 * Returns the provisioned tools, with prometheus and promtool of the asked-for line, when every
 * binary of the current pins is in place, and runs setup() first otherwise (a missing manifest,
 * a deleted binary, a changed Collector manifest, a line not built yet).
 *
 * @example
 * const tools = await ensureTools({ onProgress: printSetupProgress(), prometheusVersion: "3.5.x" });
 */
export async function ensureTools(
  options: {
    dir?: string;
    onProgress?: (event: SetupProgress) => void;
    /** A pinned Prometheus version or line (`3.5.x`); the default line when absent. */
    prometheusVersion?: string;
  } = {},
): Promise<Tools> {
  const dir = options.dir ?? toolsDir;
  const version = resolvePrometheusVersion(options.prometheusVersion);
  try {
    const line = await recordedLine(dir, version);
    const tools = { ...(await loadTools(dir)), ...line };
    if (line && (await current(tools, dir, version))) return tools;
  } catch (error) {
    if (!(error instanceof ToolsMissingError)) throw error;
  }
  const { tools } = await setup({
    dir,
    onProgress: options.onProgress,
    prometheusVersion: version,
  });
  return tools;
}

/** prometheus and promtool of that line as manifest.json records them. */
async function recordedLine(dir: string, version: string): Promise<PrometheusLine | undefined> {
  const text = await readFile(path.join(dir, "manifest.json"), "utf8").catch(() => "{}");
  const parsed = JSON.parse(text) as { prometheusLines?: Record<string, PrometheusLine> };
  const line = parsed.prometheusLines?.[version];
  return (
    line && {
      prometheus: resolvedTool(dir, line.prometheus),
      promtool: resolvedTool(dir, line.promtool),
    }
  );
}

/** Whether the recorded tools are the ones the current pins name, and all are executable. */
async function current(tools: Tools, dir: string, version: string): Promise<boolean> {
  const expected = await expectedToolPaths(dir, undefined, version);
  const same =
    tools.prometheus.path === expected.prometheus &&
    tools.promtool.path === expected.promtool &&
    tools.alertmanager.path === expected.alertmanager &&
    tools.amtool.path === expected.amtool &&
    path.dirname(tools.otelcol.path) === expected.otelcolDir;
  if (!same) return false;
  const checks = toolNames.map((name) =>
    access(tools[name].path, constants.X_OK).then(
      () => true,
      () => false,
    ),
  );
  return (await Promise.all(checks)).every(Boolean);
}
