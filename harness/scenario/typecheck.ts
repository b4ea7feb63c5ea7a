import { existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import ts from "typescript";
import { InputError } from "../errors.ts";
import { isCheckout, repoRoot, toolsDir } from "../tools/tools.ts";
import { TypecheckCache } from "./typecheck-cache.ts";

/**
 * firedrill's compiler options (its tsconfig.json, shipped in the package). In a checkout,
 * `firedrill` resolves to the sources through the "firedrill-source" condition; in a user's
 * project to the installed package's declarations, with Node's types only when they are there.
 */
function scenarioCompilerOptions(): ts.CompilerOptions {
  const config = ts.readConfigFile(path.join(repoRoot, "tsconfig.json"), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, repoRoot);
  // Type roots from where @types/node is, not from the current folder: firedrill may be run
  // from any folder (TypeScript looks for node_modules/@types from there by default).
  const typeRoots = nodeTypeRoots();
  if (isCheckout) return { ...options, typeRoots };
  // A user's package.json may lack "type": "module": tsx then runs scenarios as CommonJS
  // (Node 20.19 requires firedrill's ES modules), so check them as modules either way.
  const { customConditions: _, ...rest } = options;
  return {
    ...rest,
    module: ts.ModuleKind.Preserve,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: typeRoots.length > 0 ? ["node"] : [],
    typeRoots,
  };
}

/** The node_modules/@types folders holding @types/node, from the user's project or firedrill's. */
function nodeTypeRoots(): string[] {
  const roots = [process.cwd(), repoRoot].flatMap((dir) => {
    try {
      const found = createRequire(path.join(dir, "package.json")).resolve(
        "@types/node/package.json",
      );
      return [path.dirname(path.dirname(found))];
    } catch {
      return [];
    }
  });
  return [...new Set(roots)];
}

/** Formats one diagnostic as path:line:col - message. */
function format(diagnostic: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
  if (!diagnostic.file || diagnostic.start === undefined) return message;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${path.relative(process.cwd(), diagnostic.file.fileName)}:${line + 1}:${character + 1} - ${message}`;
}

/**
 * Type-checks scenario files against firedrill's scenario API with the project's compiler
 * options; throws InputError listing every error with its file, line and column.
 */
export function typecheckFiles(files: readonly string[]): void {
  // `firedrill mutate` loads the same few files once per mutant: check each set once.
  const key = files
    .map((f) => `${path.resolve(f)}@${statSync(f, { throwIfNoEntry: false })?.mtimeMs ?? 0}`)
    .sort()
    .join("\n");
  if (passed.has(key)) return;
  const options = { ...scenarioCompilerOptions(), noEmit: true, incremental: false };
  const cacheKey = TypecheckCache.key(files, options, ts.version);
  if (cache.isClean(cacheKey)) {
    passed.add(key);
    return;
  }
  const program = ts.createProgram({ rootNames: [...files], options });
  const wanted = new Set(files.map((f) => path.resolve(f)));
  // Check only the scenario files (and what their types need), not every file they reach: the
  // API's types come from sim/systems.ts, and checking the whole sim would double the time.
  const sources = program.getSourceFiles().filter((f) => wanted.has(path.resolve(f.fileName)));
  const diagnostics = ts.sortAndDeduplicateDiagnostics([
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...sources.flatMap((f) => [
      ...program.getSyntacticDiagnostics(f),
      ...program.getSemanticDiagnostics(f),
    ]),
  ]);
  if (diagnostics.length > 0) {
    const first = diagnostics[0]?.file?.fileName;
    throw new InputError(
      `Invalid scenario file${diagnostics.length > 1 ? "s" : ""}: type errors:\n${diagnostics.map((d) => `  ${format(d)}`).join("\n")}`,
      first ? { file: first } : {},
    );
  }
  passed.add(key);
  // package.json too: its "exports" decide which file `firedrill` resolves to.
  cache.recordClean(cacheKey, [
    ...program.getSourceFiles().map((f) => path.resolve(f.fileName)),
    ...[path.join(repoRoot, "package.json")].filter((f) => existsSync(f)),
  ]);
}

/** Clean checks remembered across runs, beside the stack's binaries (a cache, safe to delete). */
const cache = new TypecheckCache(path.join(toolsDir, "cache", "typecheck.json"));

/** The file sets (with their modification times) that type-checked clean in this process. */
const passed = new Set<string>();
