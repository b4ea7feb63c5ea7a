import { readFileSync } from "node:fs";
import path from "node:path";
import { glob } from "tinyglobby";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { systems } from "../../sim/index.ts";
import { repoRoot } from "../tools/tools.ts";

/**
 * Where a system's name is written in code (not in comments) as a string or a property name:
 * what a hand-written list of the systems (a union, a shape, a registry) would contain.
 */
function systemNamesIn(file: string, names: ReadonlySet<string>): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const named =
      ts.isPropertySignature(node) ||
      ts.isPropertyAssignment(node) ||
      ts.isShorthandPropertyAssignment(node) ||
      ts.isBindingElement(node) ||
      ts.isExportSpecifier(node);
    const name =
      ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)
        ? node.text
        : named && ts.isIdentifier(node.name)
          ? node.name.text
          : undefined;
    if (name !== undefined && names.has(name))
      found.push(`${path.relative(repoRoot, file)} ${name}`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("the systems of sim/systems.ts", () => {
  it("are named nowhere else in the sim's shared code, the harness or the reports", async () => {
    const files = await glob(
      [
        "sim/*.ts",
        "sim/core/**/*.ts",
        "sim/host/**/*.ts",
        "sim/test-support/**/*.ts",
        "harness/**/*.ts",
        "reports/**/*.ts",
      ],
      { cwd: repoRoot, absolute: true, ignore: ["**/*.test.ts", "reports/runs/**"] },
    );
    const names = new Set<string>(systems.map((m) => m.name));
    const found = files.sort().flatMap((file) => systemNamesIn(file, names));
    // The deliberate ones: the named fault namespaces the suite's scenarios import (a new
    // system is `faults.<system>`), and `firedrill rehearse`'s default system.
    expect(found).toEqual([
      "harness/api.ts cognitora",
      "harness/api.ts cosmictron",
      "harness/api.ts dsfb",
      "harness/api.ts lattice",
      "harness/api.ts reactor",
      "harness/cli/rehearse-command.ts cosmictron",
    ]);
  });
});
