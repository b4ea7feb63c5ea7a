import path from "node:path";
import ts from "typescript";
import { InputError } from "../errors.ts";
import { repoRoot } from "../tools/tools.ts";

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
  const configPath = path.join(repoRoot, "tsconfig.json");
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, repoRoot);
  const program = ts.createProgram({
    rootNames: [...files],
    options: { ...parsed.options, noEmit: true, incremental: false },
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
