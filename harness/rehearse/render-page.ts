import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** Keeps inlined code from closing its own <script> or <style> element. */
function inline(code: string, tag: "script" | "style"): string {
  return code.replaceAll(`</${tag}`, `<\\/${tag}`);
}

const STYLE = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 0; color: #222; }
header { display: flex; gap: 1em; align-items: center; padding: .5em 1em; background: #20303f; color: #fff; }
header a { color: #9cf; margin-right: .8em; }
header h1 { font-size: 1.2em; margin: 0; }
main { display: grid; grid-template-columns: minmax(320px, 1fr) 2fr; gap: 1em; padding: 1em; }
section, details { margin-bottom: 1em; }
table { border-collapse: collapse; width: 100%; }
td, th { border-bottom: 1px solid #ddd; padding: 2px 6px; text-align: left; vertical-align: top; }
tr.pending td { background: #fff6d6; } tr.firing td { background: #ffd9d6; } tr.resolved td { background: #e3f5e1; }
tr[data-state=crashed] td, tr[data-state=hung] td, tr[data-state=down] td { background: #ffd9d6; }
form.fault { border: 1px solid #ccd; border-radius: 4px; padding: .4em .6em; margin: .4em 0; }
form.fault h3 { margin: 0; font-size: 1em; font-family: monospace; }
form.fault .desc { margin: .2em 0; color: #555; }
form.fault label { margin-right: .6em; white-space: nowrap; }
form.fault input[type=number] { width: 6em; }
.error { color: #b00; margin: .2em 0; }
.receiver h3 { margin: .3em 0; font-family: monospace; }
#chart-query { font-family: monospace; color: #555; }
#status { color: #fc6; }
`;

/**
 * The rehearsal page: one self-contained HTML document, uPlot's script and styles and the page's
 * own code inlined (nothing is loaded from the network), talking to /api/ on the same server.
 */
export async function renderPage(title: string): Promise<string> {
  const uplotDir = path.dirname(require.resolve("uplot/dist/uPlot.iife.min.js"));
  const [uplotJs, uplotCss, forms, charts, app] = await Promise.all([
    readFile(path.join(uplotDir, "uPlot.iife.min.js"), "utf8"),
    readFile(path.join(uplotDir, "uPlot.min.css"), "utf8"),
    ...["fault-forms.js", "charts.js", "app.js"].map((f) =>
      readFile(path.join(here, "page", f), "utf8"),
    ),
  ]);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<style>${inline(uplotCss!, "style")}</style>
<style>${STYLE}</style>
</head>
<body>
<header>
  <h1>${title}</h1>
  <span id="now"></span>
  <nav id="links"></nav>
  <span id="status" role="status"></span>
  <button id="stop" type="button">Stop the rehearsal</button>
</header>
<main>
  <div>
    <section><h2>Fleet</h2>
      <table><thead><tr><th>node</th><th>role</th><th>state</th></tr></thead><tbody id="nodes"></tbody></table>
    </section>
    <section><h2>Faults</h2><p id="message" role="status"></p><div id="fault-forms"></div></section>
  </div>
  <div>
    <section><h2>Injected</h2>
      <table><thead><tr><th>step</th><th>fault</th><th>params</th><th>at</th><th>healed</th></tr></thead><tbody id="faults-done"></tbody></table>
    </section>
    <section><h2>Alerts</h2>
      <table><thead><tr><th>alert</th><th>labels</th><th>state</th><th>pending</th><th>firing</th><th>ended</th></tr></thead><tbody id="alerts"></tbody></table>
    </section>
    <section><h2>Notifications by receiver</h2><div id="receivers"></div></section>
    <section><h2>Series</h2>
      <label>system <select id="chart-system"></select></label>
      <label>alert <select id="chart-alert"></select></label>
      <label>last <select id="chart-minutes"><option>5</option><option selected>15</option><option>60</option></select> fleet minutes</label>
      <p id="chart-query"></p><div id="chart"></div>
    </section>
    <section><h2>Save as scenario</h2>
      <form id="save"><label>name <input id="save-name" placeholder="rehearsal-…"></label>
      <button type="submit">Save as scenario</button></form><p id="saved" role="status"></p>
    </section>
  </div>
</main>
<script>${inline(uplotJs!, "script")}</script>
<script>${inline([forms, charts, app].join("\n"), "script")}</script>
</body>
</html>
`;
}
