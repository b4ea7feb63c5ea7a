import { defineConfig } from "vitest/config";

// Two projects: fast unit tests beside the code, and integration suites under test/integration
// that start the real Prometheus, Alertmanager and Collector (one file at a time: 2 cores).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["sim/**/*.test.ts", "harness/**/*.test.ts", "reports/**/*.test.ts"],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          testTimeout: 600_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
