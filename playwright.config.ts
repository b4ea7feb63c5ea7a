import { defineConfig } from "@playwright/test";

// Browser tests against Debian's Chromium (`apt-get install chromium`): Playwright's own browser
// download is not reachable here. One worker: each test starts a real stack on 2 cores.
export default defineConfig({
  testDir: "test/browser",
  outputDir: "test-results/browser",
  timeout: 300_000,
  workers: 1,
  reporter: [["list"]],
  use: {
    browserName: "chromium",
    launchOptions: { executablePath: process.env.FIREDRILL_CHROMIUM ?? "/usr/bin/chromium" },
    screenshot: "only-on-failure",
  },
});
