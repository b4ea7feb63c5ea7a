import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { RunResult } from "../harness/result/index.ts";

/** Escapes text for an XML attribute or text node. */
function xml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** A path as CI servers link it: relative to the folder firedrill ran in, when inside it. */
function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}

/**
 * Renders a run as JUnit XML: a testsuite per scenario, a testcase per expectation, each with
 * the file and line of the scenario's `defineScenario` call.
 */
export function renderJunit(result: RunResult): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const tests = result.scenarios.reduce((n, s) => n + Math.max(1, s.expectations.length), 0);
  const failures = result.scenarios.reduce(
    (n, s) => n + s.expectations.filter((e) => e.state === "failed").length,
    0,
  );
  const errors = result.scenarios.filter((s) => s.state === "error").length;
  const skipped = result.scenarios.filter((s) => s.state === "skipped").length;
  lines.push(
    `<testsuites name="firedrill" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${result.wallSeconds.toFixed(3)}">`,
  );
  for (const s of result.scenarios) {
    const where = s.location
      ? `file="${xml(shownPath(s.location.file))}" line="${s.location.line}"`
      : `file="${xml(shownPath(s.file))}"`;
    const failed = s.expectations.filter((e) => e.state === "failed").length;
    lines.push(
      `  <testsuite name="${xml(s.name)}" ${where} tests="${Math.max(1, s.expectations.length)}" failures="${failed}" errors="${s.state === "error" ? 1 : 0}" time="${s.wallSeconds.toFixed(3)}" timestamp="${s.startedAt}">`,
    );
    lines.push("    <properties>");
    lines.push(`      <property name="driver" value="${xml(s.driver)}"/>`);
    lines.push(`      <property name="speed" value="${s.speed}"/>`);
    for (const [name, version] of Object.entries(result.versions)) {
      lines.push(`      <property name="version.${xml(name)}" value="${xml(version)}"/>`);
    }
    lines.push("    </properties>");
    if (s.state === "skipped") {
      lines.push(`    <testcase name="run" classname="${xml(s.name)}">`);
      lines.push(`      <skipped message="${xml(s.skipReason ?? "skipped")}"/>`);
      lines.push("    </testcase>");
    }
    if (s.state === "error") {
      lines.push(`    <testcase name="run" classname="${xml(s.name)}" ${where}>`);
      lines.push(`      <error message="${xml(s.error ?? "error")}"/>`);
      lines.push("    </testcase>");
    }
    for (const e of s.expectations) {
      lines.push(`    <testcase name="${xml(e.title)}" classname="${xml(s.name)}" ${where}>`);
      if (e.state === "failed") lines.push(`      <failure message="${xml(e.message)}"/>`);
      lines.push("    </testcase>");
    }
    lines.push("  </testsuite>");
  }
  lines.push("</testsuites>");
  return `${lines.join("\n")}\n`;
}

/** Writes DIR/junit.xml for the CI server. */
export async function writeJunit(dir: string, result: RunResult): Promise<string> {
  const file = path.join(dir, "junit.xml");
  await writeFile(file, renderJunit(result));
  return file;
}
