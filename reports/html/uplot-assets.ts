import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** uPlot's minified script and stylesheet (the pinned npm package), to inline into a page. */
export async function uplotAssets(): Promise<{ js: string; css: string }> {
  const [js, css] = await Promise.all([
    readFile(require.resolve("uplot/dist/uPlot.iife.min.js"), "utf8"),
    readFile(require.resolve("uplot/dist/uPlot.min.css"), "utf8"),
  ]);
  return { js, css };
}
