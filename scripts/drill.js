#!/usr/bin/env node
// Quick start, part one: installs what is missing and runs the scenario suite against the real
// stack. Extra arguments go to `firedrill run` (e.g. --driver containers --speed 60).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ensureDependencies, root } from "./bootstrap.js";

ensureDependencies();
const result = spawnSync(
  process.execPath,
  // Two scenarios at a time suits a 2-core machine; a later --jobs overrides it.
  [
    path.join(root, "bin/firedrill.js"),
    "run",
    "scenarios/",
    "--jobs",
    "2",
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: "inherit" },
);
process.exit(result.status ?? 2);
