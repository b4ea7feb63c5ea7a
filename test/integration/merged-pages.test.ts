import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../harness/tools/tools.ts";
import { firedrillRun, readResults, tempReportDir } from "./support.ts";

const DRILL = "scenarios/lattice/atelier-below-slot-rate-two-lattices.scenario.ts";

/** The fixtures' Alertmanager config with group_by put back to [alertname, node], in a temp file. */
function nodeOnlyGrouping(): string {
  mkdirSync(path.join(repoRoot, ".firedrill"), { recursive: true });
  const dir = mkdtempSync(path.join(repoRoot, ".firedrill", "group-by-"));
  const original = readFileSync(path.join(repoRoot, "fixtures/alertmanager.yml"), "utf8");
  const narrowed = original.replace(
    "group_by: [alertname, node, lattice, organism]",
    "group_by: [alertname, node]",
  );
  expect(narrowed).not.toBe(original);
  const file = path.join(dir, "alertmanager.yml");
  writeFileSync(file, narrowed);
  return file;
}

// Issue 12: the lattice's pages carry no node, so grouping by [alertname, node] merges two
// lattices' pages into one notification. The two-lattice drill must catch that in virtual time
// (Alertmanager's own dispatcher on a fake clock), naming the alert, the labels and the group.
describe("a group_by that merges two lattices' pages", () => {
  it("fails the two-lattice drill's separate-pages expectation, naming the merged notification", async () => {
    const report = tempReportDir("group-by");
    const result = await firedrillRun([
      "run",
      DRILL,
      "--alertmanager-config",
      nodeOnlyGrouping(),
      "--time",
      "virtual",
      "--report-dir",
      report,
    ]);
    expect(result.exitCode).toBe(1);
    const failed = readResults(report)
      .scenarios[0]!.expectations.filter((e) => e.state === "failed")
      .map((e) => e.message);
    // The notification's time depends on the workload's phase; what it names does not.
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatch(
      /^LatticeAtelierCandidatesBelowSlotRate\{severity="page"\} was paged for \{lattice="lattice0"\} and \{lattice="lattice1"\} in one notification: the one to pager at t=\d+m\d+s, of group \{\}\/\{severity=~"critical\|page"\}:\{alertname="LatticeAtelierCandidatesBelowSlotRate"\}, carried firing \{lattice="lattice0"\}, firing \{lattice="lattice1"\}\. Alertmanager merges alerts its route's group_by does not tell apart: add lattice to group_by\.$/,
    );
  });

  it("passes with the fixtures' group_by", async () => {
    const report = tempReportDir("group-by-fixture");
    const result = await firedrillRun(["run", DRILL, "--time", "virtual", "--report-dir", report]);
    expect(result.exitCode).toBe(0);
    expect(readResults(report).scenarios[0]!.state).toBe("passed");
  });
});
