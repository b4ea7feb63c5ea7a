import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ToolsMissingError } from "../errors.ts";

// This file runs as harness/tools/tools.ts in a checkout and as dist/harness/tools/tools.js in
// the installed package; the package root holds package.json either way.
const here = path.dirname(fileURLToPath(import.meta.url));
const compiled = path.basename(path.resolve(here, "../..")) === "dist";

/** firedrill's root: its own checkout, or the installed package (node_modules/firedrill). */
export const repoRoot = path.resolve(here, compiled ? "../../.." : "../..");

/** True when firedrill runs from its own checkout (TypeScript sources), not an installed package. */
export const isCheckout = !compiled && existsSync(path.join(repoRoot, "harness/api.ts"));

/**
 * Where `firedrill setup` keeps the pinned binaries: a checkout's .tools/; for an installed
 * package the per-user cache ($XDG_CACHE_HOME/firedrill or ~/.cache/firedrill), shared by every
 * project on the machine. FIREDRILL_TOOLS_DIR overrides both.
 */
export const toolsDir =
  process.env.FIREDRILL_TOOLS_DIR ??
  (isCheckout
    ? path.join(repoRoot, ".tools")
    : path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "firedrill"));

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

/**
 * A tool's path as manifest.json records it: relative to the tools folder when it lies inside
 * it, so that the folder may be reached through a symlink (a git worktree's `.tools` pointing at
 * the main checkout's) or moved without setup rebuilding or rewriting it.
 */
export function recordedTool(dir: string, tool: Tool): Tool {
  const relative = path.relative(dir, tool.path);
  const inside = relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
  return { ...tool, path: inside ? relative : tool.path };
}

/** A tool as manifest.json records it, with its path made absolute again (the inverse of recordedTool). */
export function resolvedTool(dir: string, tool: Tool): Tool {
  return { ...tool, path: path.resolve(dir, tool.path) };
}

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
  return Object.fromEntries(
    toolNames.map((name) => [name, resolvedTool(dir, parsed[name]!)]),
  ) as unknown as Tools;
}
