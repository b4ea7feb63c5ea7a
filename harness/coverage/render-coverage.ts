import { wrapWords } from "../text/wrap-words.ts";
import type { AlertCoverage, AlertRef, Coverage } from "./coverage.ts";

/** Lines are wrapped to this width where they can be. */
const WIDTH = 120;

/** Scenario names joined by commas, as words to wrap. */
function nameWords(names: readonly string[]): string[] {
  return names.map((n, i) => (i < names.length - 1 ? `${n},` : n));
}

/**
 * The silent cell: "every other <system> scenario (N)" when that is what it is (the usual case,
 * with expectNoOtherAlerts everywhere), else the names; "-" for none. Then, for an alert some
 * drill makes fire, the boundary drills among them (the same fault as a drill where it fires),
 * or "boundary: none".
 */
function silentWords(alert: AlertCoverage, ofSystem: readonly string[]): string[] {
  if (alert.silent.length === 0) return ["-"];
  const boundary =
    alert.fires.length === 0
      ? []
      : ["boundary:", ...(alert.boundary.length > 0 ? nameWords(alert.boundary) : ["none"])];
  const end = (words: string[]) =>
    boundary.length === 0 ? words : words.map((w, i) => (i === words.length - 1 ? `${w};` : w));
  const rest = ofSystem.filter((s) => !alert.fires.includes(s));
  if (alert.silent.length >= 2 && rest.length === alert.silent.length) {
    const every = alert.fires.length === 0 ? "every" : "every other";
    return [...end(`${every} ${alert.system} scenario (${rest.length})`.split(" ")), ...boundary];
  }
  return [...end(nameWords(alert.silent)), ...boundary];
}

/** Lists alerts under a heading, or nothing when there are none. */
function alertList(heading: string, refs: readonly AlertRef[]): string[] {
  if (refs.length === 0) return [];
  const width = Math.max(...refs.map((r) => r.system.length));
  return [
    "",
    `${heading} (${refs.length}):`,
    ...refs.map((r) => `  ${r.system.padEnd(width)}  ${r.alert}`),
  ];
}

/**
 * Coverage as `firedrill coverage` prints it: per system, its scenarios and a table of its
 * alerts with the scenarios that make each fire and those that check it stays silent; then the
 * alerts left out, the unknown alert names and a summary line.
 */
export function renderCoverage(coverage: Coverage): string {
  const { alerts } = coverage;
  const header = ["ALERT", "FIRES IN", "CHECKED SILENT IN"] as const;
  const alertWidth = Math.max(header[0].length, ...alerts.map((a) => a.alert.length));
  // Wide enough for every fires list on one line, up to a third of the width.
  const firesWidth = Math.max(
    header[1].length,
    ...alerts.flatMap((a) => a.fires.map((f) => f.length)),
    ...alerts.map((a) => Math.min(Math.floor(WIDTH / 3), nameWords(a.fires).join(" ").length)),
  );
  const silentWidth = Math.max(30, WIDTH - 2 - alertWidth - 2 - firesWidth - 2);
  const row = (cells: readonly [string, string, string]) =>
    `  ${cells[0].padEnd(alertWidth)}  ${cells[1].padEnd(firesWidth)}  ${cells[2]}`.trimEnd();
  const out: string[] = [];
  for (const system of [...new Set(alerts.map((a) => a.system))]) {
    const own = alerts.filter((a) => a.system === system);
    const scenarios = coverage.scenariosBySystem[system] ?? [];
    if (out.length > 0) out.push("");
    const intro = `${system}: ${own.length} alert${own.length === 1 ? "" : "s"}, ${scenarios.length} scenario${scenarios.length === 1 ? "" : "s"} with ${system} nodes${scenarios.length === 0 ? "" : ":"}`;
    // Continuation lines indented past the table's, so the list reads as part of the heading.
    const [first = "", ...more] = wrapWords([...intro.split(" "), ...nameWords(scenarios)], WIDTH);
    out.push(
      first,
      ...wrapWords(more.join(" ").split(" ").filter(Boolean), WIDTH - 4).map((l) => `    ${l}`),
    );
    out.push(row(header));
    for (const alert of own) {
      const fires =
        alert.fires.length === 0 ? ["-"] : wrapWords(nameWords(alert.fires), firesWidth);
      const silent = wrapWords(silentWords(alert, scenarios), silentWidth);
      for (let i = 0; i < Math.max(fires.length, silent.length); i++) {
        out.push(row([i === 0 ? alert.alert : "", fires[i] ?? "", silent[i] ?? ""]));
      }
    }
  }
  out.push(...alertList("Alerts no scenario makes fire", coverage.notFired));
  out.push(...alertList("Alerts no scenario checks silent", coverage.notCheckedSilent));
  if (coverage.unknownAlerts.length > 0) {
    out.push(
      "",
      `Expectations naming an alert no rule file defines (${coverage.unknownAlerts.length}):`,
    );
    for (const u of coverage.unknownAlerts) {
      out.push(
        `  ${u.scenario} (${u.file}): ${u.kind === "fires" ? "fires" : "never fires"} ${u.alert}`,
      );
    }
  }
  const fired = alerts.length - coverage.notFired.length;
  const silenced = alerts.length - coverage.notCheckedSilent.length;
  const boundaries = alerts.filter((a) => a.boundary.length > 0).length;
  const atBoundary = `${boundaries} ${boundaries === 1 ? "has" : "have"}`;
  out.push(
    "",
    coverage.complete
      ? `All alerts (${alerts.length}) are made to fire and checked silent; no unknown alert names. ${atBoundary} a boundary drill.`
      : `${alerts.length} alerts: ${fired} fire in a scenario, ${silenced} are checked silent, ${atBoundary} a boundary drill; ${coverage.unknownAlerts.length} unknown alert name${coverage.unknownAlerts.length === 1 ? "" : "s"}.`,
  );
  return `${out.join("\n")}\n`;
}
