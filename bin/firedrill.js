#!/usr/bin/env node
// firedrill's command line. Scenario files and firedrill.config.ts are TypeScript: tsx lets
// Node load them. In firedrill's own checkout it loads firedrill's sources too, with no build
// step; the installed package runs its compiled dist/.
import { existsSync } from "node:fs";
import { register as registerHooks } from "node:module";
import { register as registerCommonJs } from "tsx/cjs/api";
import { register } from "tsx/esm/api";

// `firedrill run --list | head`: a reader that goes away is not an error of ours.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});
// Both hooks: in a project without "type": "module", tsx runs scenarios as CommonJS.
register();
registerCommonJs();
const source = new URL("../harness/cli/main.ts", import.meta.url);
const checkout = existsSync(source);
// In a checkout, `import … from "firedrill"` must reach the sources, as tsconfig.json's
// customConditions make the type checker do.
if (checkout) registerHooks("./source-condition.js", import.meta.url);
const { main } = await import(checkout ? source.href : "../dist/harness/cli/main.js");
const code = await main(process.argv.slice(2));
process.exitCode = code;
// Everything firedrill started is stopped by now; don't let a stray handle hold the exit.
setTimeout(() => process.exit(code), 2_000).unref();
