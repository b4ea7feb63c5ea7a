import { createHash } from "node:crypto";
import { access, mkdir, readdir, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { repoRoot, toolsDir } from "../tools/tools.ts";
import { runCommand } from "./run-command.ts";

/** The evaluator's Go module (harness/virtual/evaluator). */
export const evaluatorSourceDir = path.join(repoRoot, "harness/virtual/evaluator");

/** What buildEvaluator needs. */
export interface EvaluatorBuildRequest {
  readonly step: string;
  /** The `go` binary. */
  readonly go: string;
  /** Defaults to the repo's harness/virtual/evaluator. */
  readonly sourceDir?: string;
  /** Defaults to <tools>/evaluator; binaries are named by their sources' hash, so it may be shared. */
  readonly outputDir?: string;
  readonly force?: boolean;
  readonly onStart?: (detail: string) => void;
}

/**
 * The path the evaluator built from the current sources has: .tools/evaluator/evaluator-<hash>,
 * the hash over go.mod, go.sum and every non-test .go file, so an edit means a rebuild.
 */
export async function evaluatorBinaryPath(
  sourceDir = evaluatorSourceDir,
  outputDir = path.join(toolsDir, "evaluator"),
): Promise<string> {
  const files = (await readdir(sourceDir))
    .filter(
      (f) => f === "go.mod" || f === "go.sum" || (f.endsWith(".go") && !f.endsWith("_test.go")),
    )
    .sort();
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(await readFile(path.join(sourceDir, file)));
  }
  return path.join(outputDir, `evaluator-${hash.digest("hex").slice(0, 16)}`);
}

/**
 * Builds the evaluator with `go build` (niced: the machines are shared) unless the binary for
 * these sources exists. Returns its path and whether it was cached.
 */
export async function buildEvaluator(
  request: EvaluatorBuildRequest,
): Promise<{ binary: string; cached: boolean }> {
  const sourceDir = request.sourceDir ?? evaluatorSourceDir;
  const binary = await evaluatorBinaryPath(sourceDir, request.outputDir);
  if (!request.force && (await exists(binary))) return { binary, cached: true };
  await mkdir(path.dirname(binary), { recursive: true });
  // Build beside the target and rename, so an interrupted build never looks finished.
  const partial = `${binary}.partial-${process.pid}`;
  request.onStart?.("building the virtual-time evaluator (Prometheus and Alertmanager packages)");
  try {
    await runCommand(request.step, "nice", ["-n", "10", request.go, "build", "-o", partial, "."], {
      cwd: sourceDir,
      env: { PATH: `${path.dirname(request.go)}${path.delimiter}${process.env.PATH ?? ""}` },
    });
    await rename(partial, binary);
  } finally {
    await rm(partial, { force: true });
  }
  return { binary, cached: false };
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
