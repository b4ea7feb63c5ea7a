import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ToolsMissingError } from "../errors.ts";

/** The repository root (firedrill's own checkout). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Where `firedrill setup` keeps the pinned binaries; overridable for tests. */
export const toolsDir = process.env.FIREDRILL_TOOLS_DIR ?? path.join(repoRoot, ".tools");

/** One provisioned binary and the version it reported. */
export interface Tool {
  readonly path: string;
  readonly version: string;
}

/** The real stack's binaries, as recorded by `firedrill setup` in .tools/manifest.json. */
export interface Tools {
  readonly prometheus: Tool;
  readonly promtool: Tool;
  readonly alertmanager: Tool;
  readonly amtool: Tool;
  readonly otelcol: Tool;
}

/** Names of the tools in a Tools record. */
export const toolNames = ["prometheus", "promtool", "alertmanager", "amtool", "otelcol"] as const;

/** Reads .tools/manifest.json; throws ToolsMissingError naming what is missing and the fix. */
export async function loadTools(dir: string = toolsDir): Promise<Tools> {
  const manifest = path.join(dir, "manifest.json");
  let parsed: Partial<Record<(typeof toolNames)[number], Tool>>;
  try {
    parsed = JSON.parse(await readFile(manifest, "utf8"));
  } catch (cause) {
    throw new ToolsMissingError(
      `Failed to load the stack's tools: ${manifest} is missing or unreadable. Run \`npx firedrill setup\`.`,
      { cause, missing: [...toolNames] },
    );
  }
  const missing = toolNames.filter((name) => !parsed[name]?.path);
  if (missing.length > 0) {
    throw new ToolsMissingError(
      `Failed to load the stack's tools: ${missing.join(", ")} not provisioned in ${manifest}. Run \`npx firedrill setup\`.`,
      { missing },
    );
  }
  return Object.fromEntries(toolNames.map((name) => [name, parsed[name]])) as unknown as Tools;
}
