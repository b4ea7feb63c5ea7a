import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot, toolsDir } from "../../harness/tools/tools.ts";

// firedrill as a user gets it: the packed tarball installed into an empty project, then
// `npx firedrill init` and one short drill of the example. The stack's binaries are the ones
// already provisioned here (FIREDRILL_TOOLS_DIR), so that this test does not build them again.
let work: string;
let project: string;
const timings: Record<string, number> = {};
const env = { ...process.env, FIREDRILL_TOOLS_DIR: toolsDir };
const npx = (args: string[]) =>
  execa("npx", ["--no-install", "firedrill", ...args], { cwd: project, env, reject: false });

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const start = Date.now();
  try {
    return await fn();
  } finally {
    timings[label] = (Date.now() - start) / 1000;
  }
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "firedrill-package-"));
  project = path.join(work, "project");
  const { stdout } = await timed("npm pack", () =>
    execa("npm", ["pack", "--pack-destination", work, "--loglevel=error"], { cwd: repoRoot }),
  );
  const tarball = path.join(work, stdout.trim().split("\n").at(-1)!);
  timings["package size (KB)"] = Math.round((await stat(tarball)).size / 1024);
  await execa("mkdir", ["-p", project]);
  await writeFile(
    path.join(project, "package.json"),
    '{ "name": "user-project", "private": true }\n',
  );
  await timed("npm install", () =>
    execa("npm", ["install", "-D", "--prefer-offline", "--no-fund", "--no-audit", tarball], {
      cwd: project,
    }),
  );
}, 600_000);

afterAll(async () => {
  process.stderr.write(`package figures: ${JSON.stringify(timings)}\n`);
  await rm(work, { recursive: true, force: true });
});

describe("the installed package", () => {
  it("scaffolds a project and refuses to overwrite it", async () => {
    const init = await npx(["init"]);
    expect({ code: init.exitCode, stdout: init.stdout }).toEqual({
      code: 0,
      stdout:
        "wrote firedrill.config.ts\nwrote drills/engine-not-ready.scenario.ts\nnext: npx firedrill run (npx firedrill setup first provisions the stack's binaries)",
    });
    const again = await npx(["init"]);
    expect({ code: again.exitCode, stderr: again.stderr.trim() }).toEqual({
      code: 2,
      stderr:
        "firedrill: Failed to scaffold a firedrill project: firedrill.config.ts and drills/engine-not-ready.scenario.ts already exist. `firedrill init` never overwrites a file: rename or remove them, or edit them by hand.",
    });
  });

  it("type-checks and loads the example from the config without starting a stack", async () => {
    const coverage = await npx(["coverage", "--json"]);
    const report = JSON.parse(coverage.stdout) as { alerts: { alert: string; fires: string[] }[] };
    expect(report.alerts.find((a) => a.alert === "CognitoraEngineNotReady")?.fires).toEqual([
      "cognitora-engine-not-ready",
    ]);
  });

  it("runs the example drill from the config, with file and line in JUnit", async () => {
    const run = await timed("first run", () => npx(["run", "--report-dir", "report"]));
    expect(run.exitCode, run.stderr).toBe(0);
    const junit = await readFile(path.join(project, "report/junit.xml"), "utf8");
    expect(junit).toContain(
      '<testsuite name="cognitora-engine-not-ready" file="drills/engine-not-ready.scenario.ts" line="5"',
    );
    // The report stays in the project, never under node_modules.
    expect(
      JSON.parse(await readFile(path.join(project, "report/results.json"), "utf8")).scenarios,
    ).toHaveLength(1);
  });

  // The bar: the user's own PrometheusRule (Cognitora's four alerts, as Helm renders it) and a
  // second drill of theirs pass; one threshold moved tenfold fails, naming the alert.
  it("drills the user's PrometheusRule, and fails naming the alert once a threshold moves tenfold", async () => {
    await mkdir(path.join(project, "deploy/rules"), { recursive: true });
    const rule = await readFile(
      path.join(repoRoot, "fixtures/kubernetes/rules/cognitora-prometheus-rule.yaml"),
      "utf8",
    );
    expect(rule.match(/- alert: \w+/g)).toEqual([
      "- alert: CognitoraTtftSloBreach",
      "- alert: CognitoraCacheHitRatioLow",
      "- alert: CognitoraEngineNotReady",
      "- alert: CognitoraAdmissionQueueFull",
      "- alert: CognitoraHostMissing",
      "- alert: CognitoraMetricsDown",
    ]);
    await writeFile(path.join(project, "deploy/rules/cognitora.yaml"), rule);
    await copyFile(
      path.join(repoRoot, "scenarios/cognitora/ttft-degrade.scenario.ts"),
      path.join(project, "drills/ttft-degrade.scenario.ts"),
    );
    const config = path.join(project, "firedrill.config.ts");
    await writeFile(
      config,
      (await readFile(config, "utf8")).replace(
        '// rules: ["deploy/rules/"]',
        'rules: ["deploy/rules/"]',
      ),
    );
    const passing = await timed("user rules run", () =>
      npx(["run", "--jobs", "2", "--report-dir", "report-user"]),
    );
    expect(passing.exitCode, passing.stderr).toBe(0);
    expect(`${passing.stdout}\n${passing.stderr}`).toContain("scenarios: 2 passed, 0 failed");

    const tenfold = rule.replace(/(CognitoraTtftSloBreach\n\s+expr: .*\)\)\)) > 2\n/, "$1 > 20\n");
    expect(tenfold).not.toBe(rule);
    await writeFile(path.join(project, "deploy/rules/cognitora.yaml"), tenfold);
    const failing = await npx([
      "run",
      "drills/ttft-degrade.scenario.ts",
      "--report-dir",
      "report-x10",
    ]);
    expect(failing.exitCode).toBe(1);
    expect(`${failing.stdout}\n${failing.stderr}`).toMatch(
      /✗ CognitoraTtftSloBreach\{severity="critical"\} fires within 8m/,
    );
    expect(`${failing.stdout}\n${failing.stderr}`).toContain("scenarios: 0 passed, 1 failed");
  });

  it("names the file and the field of a wrong config, exit 2, before anything starts", async () => {
    await writeFile(
      path.join(project, "bad.config.ts"),
      'import { defineConfig } from "firedrill";\nexport default defineConfig({ jobs: 0 });\n',
    );
    const run = await npx(["run", "--config", "bad.config.ts"]);
    expect({ code: run.exitCode, stderr: run.stderr.trim() }).toEqual({
      code: 2,
      stderr:
        "firedrill: Invalid firedrill config file: bad.config.ts: jobs must be a whole number from 1 to 8 (got 0).",
    });
  });
});
