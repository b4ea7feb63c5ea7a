import { createRequire } from "node:module";
import path from "node:path";
import ts from "typescript";
import { InputError } from "../errors.ts";
import { isCheckout, repoRoot } from "../tools/tools.ts";

/**
 * firedrill's compiler options (its tsconfig.json, shipped in the package). In a checkout,
 * `firedrill` resolves to the sources through the "firedrill-source" condition; in a user's
 * project to the installed package's declarations, with Node's types only when they are there.
 */
function scenarioCompilerOptions(): ts.CompilerOptions {
  const config = ts.readConfigFile(path.join(repoRoot, "tsconfig.json"), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, repoRoot);
  if (isCheckout) return options;
  // A user's package.json may lack "type": "module": tsx then runs scenarios as CommonJS
  // (Node 20.19 requires firedrill's ES modules), so check them as modules either way.
  const { customConditions: _, ...rest } = options;
  return {
    ...rest,
    module: ts.ModuleKind.Preserve,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: hasNodeTypes() ? ["node"] : [],
  };
}

/** Whether @types/node can be found from the user's project or from firedrill's own folder. */
function hasNodeTypes(): boolean {
  return [process.cwd(), repoRoot].some((dir) => {
    try {
      createRequire(path.join(dir, "package.json")).resolve("@types/node/package.json");
      return true;
    } catch {
      return false;
    }
  });
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
  const program = ts.createProgram({
    rootNames: [...files],
    options: { ...scenarioCompilerOptions(), noEmit: true, incremental: false },
  });
  const wanted = new Set(files.map((f) => path.resolve(f)));
  const diagnostics = ts
    .getPreEmitDiagnostics(program)
    .filter((d) => !d.file || wanted.has(path.resolve(d.file.fileName)));
  if (diagnostics.length > 0) {
    const first = diagnostics[0]?.file?.fileName;
    throw new InputError(
      `Invalid scenario file${diagnostics.length > 1 ? "s" : ""}: type errors:\n${diagnostics.map((d) => `  ${format(d)}`).join("\n")}`,
      first ? { file: first } : {},
    );
  }
}
