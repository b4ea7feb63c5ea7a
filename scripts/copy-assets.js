#!/usr/bin/env node
// Part of `npm run build`: tsc compiles only TypeScript, but the HTML report and the rehearsal
// page read their own scripts and stylesheets beside their modules; copy them into dist/.
import { cpSync, readdirSync } from "node:fs";
import path from "node:path";
import { root } from "./bootstrap.js";

/** The folders whose .js and .css files are page assets, read at run time. */
const assetFolders = ["reports/html", "harness/rehearse/page"];

for (const folder of assetFolders) {
  for (const file of readdirSync(path.join(root, folder))) {
    if (!file.endsWith(".js") && !file.endsWith(".css")) continue;
    cpSync(path.join(root, folder, file), path.join(root, "dist", folder, file));
  }
}
