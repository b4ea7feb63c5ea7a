import { readdirSync } from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { repoRoot, toolsDir } from "../../harness/tools/tools.ts";
import { firedrillProcesses, firedrillRun, readResults, tempReportDir } from "./support.ts";

// Prometheus' long-term-support line, which many users run: `--prometheus-version 3.5.x` builds
// it on first use. Every rule file's promtool tests and every scenario of one system must hold
// on it as they do on the default 3.16.
describe("the Prometheus 3.5 LTS line", () => {
  it("passes every DSFB scenario and every fixture's promtool tests", async () => {
    const dir = tempReportDir("lts");
    const run = await firedrillRun([
      "run",
      "scenarios/dsfb/",
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
    expect(results.scenarios.length).toBe(
      readdirSync(path.join(repoRoot, "scenarios/dsfb")).filter((f) => f.endsWith(".scenario.ts"))
        .length,
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
