import { defineConfig } from "@playwright/test";

// Browser tests (test/browser/*.spec.ts) in Debian's Chromium: Playwright's own browser download
// is not reachable from these machines, so `scripts/install-system.sh` installs the `chromium`
// package and every test launches /usr/bin/chromium (FIREDRILL_CHROMIUM overrides the path).
// One worker: the tests that drive a live stack must not share the machine's two cores.
export default defineConfig({
  testDir: "test/browser",
  outputDir: "test-results/playwright",
  timeout: 300_000,
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    browserName: "chromium",
    launchOptions: { executablePath: process.env.FIREDRILL_CHROMIUM ?? "/usr/bin/chromium" },
    viewport: { width: 1280, height: 900 },
    screenshot: "only-on-failure",
  },
});
