import { mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../errors.ts";
import type { RunResult } from "../result/index.ts";
import { parseReporters } from "./parse-reporters.ts";

const run: RunResult = {
  runId: "fd1",
  startedAt: "2026-12-01T10:00:00.000Z",
  wallSeconds: 2,
  versions: { prometheus: "2.42.0", alertmanager: "0.25.0", collector: "0.155.0" },
  assumptions: [],
  scenarios: [],
};

/** Starts and ends an empty suite with the reporters `names` choose; the lines they wrote. */
async function endSuite(names: string[] | undefined) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "firedrill-reporters-"));
  const lines: string[] = [];
  const reporter = parseReporters("firedrill run", names, { write: (l) => lines.push(l) });
  const info = { runId: "fd1", scenarios: [], driver: "processes", speed: 30, reportDir: dir };
  await reporter.onSuiteStart?.(info);
  await reporter.onSuiteEnd?.(run, "finished");
  return { dir, lines };
}

describe("--reporter", () => {
  it("rejects an unknown name as bad input, listing the known ones", () => {
    const parse = () => parseReporters("firedrill run", ["terminal", "htlm"], {});
    expect(parse).toThrow(InputError);
    expect(parse).toThrow(
      'firedrill run: unknown reporter "htlm". Known reporters: terminal, json, junit, html (--reporter NAME, repeatable; default: all of them).',
    );
  });

  it("runs the chosen reporters in the order given; each file reporter says what it wrote", async () => {
    const { dir, lines } = await endSuite(["junit", "json"]);
    expect(lines).toEqual([`junit:   ${dir}/junit.xml`, `results: ${dir}/results.json`]);
    expect(readdirSync(dir).sort()).toEqual(["junit.xml", "results.json"]);
  });

  it("defaults to every reporter: the terminal's summary, then each file", async () => {
    const { dir, lines } = await endSuite(undefined);
    expect(lines).toEqual([
      "firedrill run fd1: 0 scenario(s), driver processes, speed 30x",
      `report: ${dir}`,
      "",
      "versions: prometheus 2.42.0, alertmanager 0.25.0, collector 0.155.0",
      "scenarios: 0 passed, 0 failed (2.0s)",
      `results: ${dir}/results.json`,
      `junit:   ${dir}/junit.xml`,
      `report:  ${dir}/index.html`,
    ]);
  });
});
