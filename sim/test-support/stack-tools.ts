import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * A tool of the stack for tests: $FIREDRILL_<NAME>, else the pinned one `firedrill setup`
 * provisioned (.tools/manifest.json; `npm test` runs setup first), else a system one in
 * /usr/bin. Undefined when there is none.
 */
function stackTool(name: "promtool" | "amtool"): string | undefined {
  const fromEnv = process.env[`FIREDRILL_${name.toUpperCase()}`];
  if (fromEnv) return fromEnv;
  const manifest = fileURLToPath(new URL("../../.tools/manifest.json", import.meta.url));
  try {
    const entry = (JSON.parse(readFileSync(manifest, "utf8")) as Record<string, { path?: string }>)[
      name
    ];
    // The manifest records paths relative to its own folder.
    const tool = entry?.path && path.resolve(path.dirname(manifest), entry.path);
    if (tool && existsSync(tool)) return tool;
  } catch {
    // not provisioned: try the system's
  }
  return existsSync(`/usr/bin/${name}`) ? `/usr/bin/${name}` : undefined;
}

/** promtool for tests (see stackTool); tests that need it skip without it and say why. */
export const PROMTOOL = stackTool("promtool");
export const AMTOOL = stackTool("amtool");

/** Why a promtool test may be skipped, for its title. */
export const PROMTOOL_SKIP_REASON = "skipped when there is no promtool: run `npx firedrill setup`";
