import { defineConfig } from "vitest/config";

// `import … from "firedrill"` in scenario files reaches the sources, not dist/ (package.json's
// "firedrill-source" export condition, as tsconfig.json's customConditions and bin/ use).
// Otherwise Vitest's default server conditions, less "module", as Vitest itself uses them.
const ssr = {
  resolve: { conditions: ["firedrill-source", "node", "development|production"] },
};

// Two projects: fast unit tests beside the code, and integration suites under test/integration
// that start the real Prometheus, Alertmanager and Collector (one file at a time: 2 cores).
export default defineConfig({
  test: {
    projects: [
      {
        ssr,
        test: {
          name: "unit",
          include: ["sim/**/*.test.ts", "harness/**/*.test.ts", "reports/**/*.test.ts"],
          testTimeout: 30_000,
        },
      },
      {
        ssr,
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
