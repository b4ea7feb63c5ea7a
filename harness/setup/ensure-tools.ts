import { constants } from "node:fs";
import { access } from "node:fs/promises";
import path from "node:path";
import { ToolsMissingError } from "../errors.ts";
import { loadTools, type Tools, toolNames, toolsDir } from "../tools/tools.ts";
import { expectedToolPaths } from "./expected-tool-paths.ts";
import { setup } from "./setup.ts";
import type { SetupProgress } from "./setup-progress.ts";

/**
 * Returns the provisioned tools when every binary of the current pins is in place, and runs
 * setup() first otherwise (a missing manifest, a deleted binary, a changed Collector manifest).
 *
 * @example
 * const tools = await ensureTools({ onProgress: printSetupProgress() });
 */
export async function ensureTools(
  options: { dir?: string; onProgress?: (event: SetupProgress) => void } = {},
): Promise<Tools> {
  const dir = options.dir ?? toolsDir;
  try {
    const tools = await loadTools(dir);
    if (await current(tools, dir)) return tools;
  } catch (error) {
    if (!(error instanceof ToolsMissingError)) throw error;
  }
  const { tools } = await setup({ dir, onProgress: options.onProgress });
  return tools;
}

/** Whether the recorded tools are the ones the current pins name, and all are executable. */
async function current(tools: Tools, dir: string): Promise<boolean> {
  const expected = await expectedToolPaths(dir);
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
