import path from "node:path";
import { repoRoot } from "../tools/tools.ts";

/** What `firedrill init` writes, by path relative to the current folder: a text or a copy. */
export const scaffoldFiles: Readonly<Record<string, string | { readonly copyOf: string }>> = {
  "firedrill.config.ts": `import { defineConfig } from "firedrill";

// firedrill's settings for this project. Every field is the default of the flag of the same
// name (\`npx firedrill run --help\`); a flag on the command line overrides it. Paths are
// relative to this file.
export default defineConfig({
  // Scenario files (*.scenario.ts) or folders holding them.
  scenarios: ["drills/"],
  // Your alerting rules: files or folders. Without it, firedrill's example rules for its
  // simulated systems are loaded.
  // rules: ["deploy/rules/"],
  // Your Alertmanager configuration. Without it, firedrill's example routing (pager, tickets).
  // alertmanagerConfig: "deploy/alertmanager.yml",
  // The stack and the fleet run this many times faster than the wall clock (1 to 120).
  speed: 30,
  // How many scenarios run at once, each on its own stack.
  jobs: 1,
  // Where \`firedrill run\` writes results.json and junit.xml.
  // reportDir: "firedrill-report/latest",
});
`,
  // A drill of firedrill's own suite (the package ships this one file), so that the example is
  // one CI runs.
  "drills/engine-not-ready.scenario.ts": {
    copyOf: path.join(repoRoot, "scenarios/cognitora/engine-not-ready.scenario.ts"),
  },
};
