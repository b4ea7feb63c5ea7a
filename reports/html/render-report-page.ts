import { readFile } from "node:fs/promises";
import { escapeHtml } from "./escape-html.ts";
import { uplotAssets } from "./uplot-assets.ts";

const own = (file: string) => readFile(new URL(file, import.meta.url), "utf8");

// JSON inside a <script> element: nothing in it may close the element.
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

/**
 * A whole self-contained page: one file, no network — uPlot's script and stylesheet, the
 * report's styles and script, and the data the script plots, all inlined.
 */
export async function renderReportPage(title: string, body: string, data: unknown) {
  const [uplot, css, script] = await Promise.all([
    uplotAssets(),
    own("./report-style.css"),
    own("./report-page.js"),
  ]);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${uplot.css}</style>
<style>${css}</style>
</head>
<body>
${body}
<script type="application/json" id="firedrill-data">${scriptJson(data)}</script>
<script>${uplot.js}</script>
<script>${script}</script>
</body>
</html>
`;
}
