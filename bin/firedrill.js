#!/usr/bin/env node
// firedrill's command line. Scenario files are TypeScript: tsx lets Node load them (and
// firedrill's own sources) directly, with no build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../harness/cli/main.ts");
const code = await main(process.argv.slice(2));
process.exitCode = code;
// Everything firedrill started is stopped by now; don't let a stray handle hold the exit.
setTimeout(() => process.exit(code), 2_000).unref();
