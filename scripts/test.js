#!/usr/bin/env node
// Quick start, part two: installs what is missing (npm dependencies, the stack's binaries, the
// Docker engine where this user may start it) and runs every test: unit, then integration
// against the real Prometheus, Alertmanager and Collector, then the browser tests (Playwright
// against Debian's Chromium). Ends with "N passed, N failed, N skipped" over both.
// Extra arguments go to vitest (e.g. `npm test -- --project unit`) and leave the browser tests out.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
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
// Reads a JSON report a test runner wrote, or null when it died before writing it.
const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
};
const summary = readJson(out);
const counts = summary
  ? {
      passed: summary.numPassedTests,
      failed: summary.numFailedTests,
      skipped: summary.numPendingTests + summary.numTodoTests,
    }
  : null;

// Browser tests: only for a whole `npm test`, not one narrowed to some vitest project or file.
let browserStatus = 0;
const chromium = process.env.FIREDRILL_CHROMIUM ?? "/usr/bin/chromium";
if (process.argv.length > 2) {
  process.stderr.write("firedrill: arguments given to vitest: the browser tests are left out.\n");
} else if (!existsSync(chromium)) {
  process.stderr.write(
    `firedrill: no Chromium at ${chromium}: the browser tests are skipped. Run \`bash scripts/install-system.sh\` to install it.\n`,
  );
} else {
  process.stderr.write("\nfiredrill: browser tests (playwright test, Chromium)…\n");
  // Where playwright.config.ts has its JSON reporter write.
  const report = path.join(root, "test-results/playwright.json");
  rmSync(report, { force: true }); // never count an earlier run's results
  const playwright = spawnSync(path.join(root, "node_modules/.bin/playwright"), ["test"], {
    cwd: root,
    stdio: "inherit",
  });
  browserStatus = playwright.status ?? 1;
  const stats = readJson(report)?.stats;
  if (stats && counts) {
    counts.passed += stats.expected + stats.flaky;
    counts.failed += stats.unexpected;
    counts.skipped += stats.skipped;
  } else if (browserStatus === 0) {
    browserStatus = 1; // it passed without saying what: count that as a failure to look at
  }
}
if (counts) {
  process.stdout.write(
    `\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`,
  );
}
process.exit((vitest.status ?? 1) || browserStatus);
