import { readdirSync } from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { repoRoot, toolsDir } from "../../harness/tools/tools.ts";
import { firedrillProcesses, firedrillRun, readResults, tempReportDir } from "./support.ts";

// Prometheus' long-term-support line, which many users run: `--prometheus-version 3.5.x` builds
// it on first use (about 6 of this test's 8 minutes on a cold Go cache). Every rule file's
// promtool tests must hold on it as on the default 3.16, and so must one drill of each DSFB rule
// on its boundary — the `for` just passed, the smallest dropped-residual event, the trust sum
// just past its line — and a blip that must not page: where the engines could differ, in `for`,
// range windows and staleness, these are the drills that would notice. The other DSFB drills
// are the same rules further from their lines (`firedrill run scenarios/dsfb/
// --prometheus-version 3.5.x` runs them all: 9 passed in about 2 minutes).
const LTS_DRILLS = [
  "exporter-hang-just-over-for",
  "exporter-hang-blip-noise",
  "residuals-dropped-smallest-event",
  "trust-sum-just-above-line",
].map((name) => `scenarios/dsfb/${name}.scenario.ts`);

describe("the Prometheus 3.5 LTS line", () => {
  it("passes a boundary drill of every DSFB rule and every fixture's promtool tests", async () => {
    const dir = tempReportDir("lts");
    const run = await firedrillRun([
      "run",
      ...LTS_DRILLS,
      "--prometheus-version",
      "3.5.x",
      "--jobs",
      "3",
      "--report-dir",
      dir,
    ]);
    const results = readResults(dir);
    const failed = results.scenarios.flatMap((s) =>
      s.expectations.filter((e) => e.state === "failed").map((e) => `${s.name}: ${e.message}`),
    );
    expect(failed).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(results.versions.prometheus).toMatch(/^3\.5\.\d+$/);
    expect(results.scenarios.map((s) => s.file).sort()).toEqual(
      LTS_DRILLS.map((f) => path.join(repoRoot, f)).sort(),
    );
    expect(firedrillProcesses(run.pid)).toEqual([]);

    const promtool = path.join(toolsDir, `prometheus-${results.versions.prometheus}`, "promtool");
    const systems = readdirSync(path.join(repoRoot, "fixtures"), { withFileTypes: true })
      .filter(
        (d) =>
          d.isDirectory() &&
          readdirSync(path.join(repoRoot, "fixtures", d.name)).includes("rules.test.yml"),
      )
      .map((d) => d.name);
    expect(systems.length).toBeGreaterThanOrEqual(5);
    for (const system of systems) {
      const test = await execa(promtool, ["test", "rules", "rules.test.yml"], {
        cwd: path.join(repoRoot, "fixtures", system),
        reject: false,
        all: true,
      });
      expect(`${system}: exit ${test.exitCode}\n${test.all}`).toMatch(/^[a-z]+: exit 0\n/);
    }
  }, 1_800_000);
});
