import { access, mkdir, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { type BuildStep, withHeartbeat } from "./build-step.ts";
import { runCommand } from "./run-command.ts";
import { SetupError } from "./setup-error.ts";

/** What buildCollector needs; outputDir is .tools/otelcol-<hash>. */
export interface CollectorBuildRequest extends BuildStep {
  /** The builder binary (installed by installBuilder). */
  readonly builder: string;
  /** The builder manifest (fixtures/otelcol/builder-config.yaml). */
  readonly manifest: string;
}

/**
 * Builds the Collector from the builder manifest into outputDir, unless its binary is already
 * there. Returns the binary's path and whether it was cached.
 */
export async function buildCollector(
  request: CollectorBuildRequest,
): Promise<{ binary: string; cached: boolean }> {
  const { step, outputDir } = request;
  const binaryName = await distName(step, request.manifest);
  const binary = path.join(outputDir, binaryName);
  if (request.force) await rm(outputDir, { recursive: true, force: true });
  else if (await exists(binary)) return { binary, cached: true };

  // Build beside the target and rename, so an interrupted build never looks finished.
  const partial = `${outputDir}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(path.dirname(partial), { recursive: true });
  request.onStart?.("building the Collector (the first build takes minutes on two cores)");
  await withHeartbeat(request, (phase) =>
    runCommand(
      step,
      request.builder,
      [`--config=${request.manifest}`, `--output-path=${partial}`],
      {
        env: { PATH: `${path.dirname(request.go)}${path.delimiter}${process.env.PATH ?? ""}` },
        onLine: (line) => {
          // The builder logs "<time>\tINFO\t<file:line>\t<message>\t{fields}".
          const message = line.split("\t")[3];
          if (message) phase(message);
        },
      },
    ),
  );
  await rm(outputDir, { recursive: true, force: true });
  await rename(partial, outputDir);
  return { binary, cached: false };
}

/** The dist.name the manifest gives the Collector binary. */
async function distName(step: string, manifest: string): Promise<string> {
  let parsed: { dist?: { name?: unknown } } | undefined;
  try {
    parsed = parse(await readFile(manifest, "utf8"));
  } catch (cause) {
    throw new SetupError(
      `Failed to read the Collector builder manifest ${manifest}: ${(cause as Error).message}. Restore it from git.`,
      { step, cause },
    );
  }
  const name = parsed?.dist?.name;
  return typeof name === "string" && name !== "" ? name : "otelcol-custom";
}

/** Whether a path exists. */
async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
