#!/usr/bin/env node
// Quick start, part two: installs what is missing (npm dependencies, the stack's binaries, the
// Docker engine where this user may start it) and runs every test: unit, then integration
// against the real Prometheus, Alertmanager and Collector. Ends with "N passed, N failed".
// Extra arguments go to vitest (e.g. `npm test -- --project unit`).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureDependencies, root, run } from "./bootstrap.js";

ensureDependencies();
process.stderr.write("firedrill: checking the stack's binaries (firedrill setup)…\n");
run(process.execPath, [path.join(root, "bin/firedrill.js"), "setup"]);

const dockerUp = () => spawnSync("docker", ["info"], { stdio: "ignore" }).status === 0;
if (!dockerUp() && process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
  process.stderr.write("firedrill: starting a Docker engine for the containers driver's tests…\n");
  spawnSync("bash", [path.join(root, "scripts/docker-engine.sh")], { cwd: root, stdio: "inherit" });
}
if (!dockerUp()) {
  process.stderr.write(
    "firedrill: no Docker engine answers; the containers driver's tests will be skipped.\n",
  );
}

const out = path.join(mkdtempSync(path.join(os.tmpdir(), "firedrill-test-")), "vitest.json");
const vitest = spawnSync(
  path.join(root, "node_modules/.bin/vitest"),
  [
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${out}`,
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: "inherit" },
);
let summary = null;
try {
  summary = JSON.parse(readFileSync(out, "utf8"));
} catch {
  // vitest died before writing its report; its exit code says enough.
}
if (summary) {
  const skipped = summary.numPendingTests + summary.numTodoTests;
  process.stdout.write(
    `\n${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${skipped} skipped\n`,
  );
}
process.exit(vitest.status ?? 1);
