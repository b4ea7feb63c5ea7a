import type { FleetShape } from "../scenario/types.ts";
import { formatDuration } from "../time/index.ts";
import type { RecordedAlert, RecordedFault, Recording } from "./recorder.ts";

/** Labels that differ from run to run (ports) or repeat the alert's name: left out of a match. */
const UNSTABLE_LABELS = new Set(["alertname", "instance"]);

/** A window around an observed latency: half as much again plus 30 s, whole minutes up. */
function windowFor(seconds: number): number {
  return Math.max(60, Math.ceil((seconds * 1.5 + 30) / 60) * 60);
}

/** Fleet seconds as a scenario duration ("2m", "1m30s"), to the whole second. */
function duration(seconds: number): string {
  return formatDuration(Math.max(0, Math.round(seconds)) * 1000);
}

/** A JSON value as TypeScript the way biome formats it: `{ a: 1, "b-c": "x" }`, on one line. */
function literal(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).map(
      ([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${literal(v)}`,
    );
    return entries.length ? `{ ${entries.join(", ")} }` : "{}";
  }
  return JSON.stringify(value);
}

/** An object literal at `indent` spaces: on one line if it fits in 100 columns, else one key a line. */
function objectAt(value: Record<string, unknown>, indent: number, before: number): string {
  const line = literal(value);
  if (indent + before + line.length <= 98) return line;
  const pad = " ".repeat(indent + 2);
  return `{\n${Object.entries(value)
    .map(
      ([k, v]) => `${pad}${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${literal(v)},`,
    )
    .join("\n")}\n${" ".repeat(indent)}}`;
}

/** The labels a saved expectation matches on. */
function stableLabels(labels: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(labels)
      .filter(([name]) => !UNSTABLE_LABELS.has(name))
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

/** Whether a delivery's labels are this alert's (the alert's, with alertname). */
function sameAlert(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>) {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => a[k] === b[k]);
}

/** The fault an alert answers: the latest injected at or before it became pending. */
function causeOf(
  alert: RecordedAlert,
  faults: readonly RecordedFault[],
): RecordedFault | undefined {
  return faults.filter((f) => f.injectedAt <= alert.pendingAt).at(-1);
}

/**
 * Renders what a rehearsal recorded as a `*.scenario.ts` draft: the fleet, each fault at the
 * fleet time it was injected and healed, and for every alert that fired an expectation with
 * windows a little wider than what was seen (fires within, delivered to, resolves within), then
 * expectNoOtherAlerts() when every firing alert followed a fault.
 */
export function renderScenario(
  recording: Recording,
  options: { name: string; fleet: FleetShape; seed: number; speed: number },
): string {
  const lines: string[] = [];
  const notes: string[] = [];
  let end = Math.max(60, recording.now);
  const expectations: string[] = [];
  let unexplained = false;
  for (const alert of recording.alerts) {
    if (alert.firingAt === null) continue;
    const cause = causeOf(alert, recording.faults);
    if (!cause) {
      unexplained = true;
      notes.push(
        `// ${alert.alertname} fired at ${duration(alert.firingAt)} before any fault: no expectation for it, and no expectNoOtherAlerts().`,
      );
      continue;
    }
    const within = windowFor(alert.firingAt - cause.injectedAt);
    end = Math.max(end, cause.injectedAt + within);
    let text = `    expectAlert(${JSON.stringify(alert.alertname)})\n      .withLabels(${objectAt(stableLabels(alert.labels), 6, 12)})\n      .firesWithin(${JSON.stringify(duration(within))}, { after: ${JSON.stringify(cause.id)} })`;
    const delivery = recording.deliveries.find(
      (d) =>
        d.status === "firing" &&
        d.receivedAt >= alert.pendingAt &&
        sameAlert(d.labels, alert.labels),
    );
    if (delivery) text += `\n      .deliveredTo(${JSON.stringify(delivery.receiver)})`;
    if (cause.healedAt !== null && alert.endedAt !== null && alert.endedAt >= cause.healedAt) {
      const resolve = windowFor(alert.endedAt - cause.healedAt);
      end = Math.max(end, cause.healedAt + resolve);
      text += `\n      .resolvesWithin(${JSON.stringify(duration(resolve))})`;
    }
    expectations.push(`${text},`);
  }
  if (!unexplained) expectations.push("    expectNoOtherAlerts(),");
  const faultLines = recording.faults.map((f) => {
    const heal =
      f.healedAt === null ? "" : `\n      heal: ${JSON.stringify(duration(f.healedAt))},`;
    // An empty params object (a form without params) says nothing: leave it out.
    const { params, ...rest } = f.fault;
    const spec = params && Object.keys(params).length > 0 ? { ...rest, params } : rest;
    const fault = objectAt(spec, 6, 7);
    return `    {\n      id: ${JSON.stringify(f.id)},\n      at: ${JSON.stringify(duration(f.injectedAt))},${heal}\n      fault: ${fault},\n    },`;
  });
  const imports = ["defineScenario", "expectAlert", "expectNoOtherAlerts"].filter(
    (name) => name === "defineScenario" || expectations.some((e) => e.includes(`${name}(`)),
  );
  lines.push(
    `import { ${imports.join(", ")} } from "firedrill";`,
    "",
    `// Recorded by \`firedrill rehearse\` at ${options.speed}x: a draft to edit. Windows are what was`,
    "// seen plus a margin (half as much again and 30s, whole minutes); check them against the rules.",
    ...notes,
    "export default defineScenario({",
    `  name: ${JSON.stringify(options.name)},`,
    `  fleet: ${literal(options.fleet)},`,
    `  duration: ${JSON.stringify(duration(Math.ceil(end / 60) * 60))},`,
    `  seed: ${options.seed},`,
    `  faults: [${faultLines.length ? `\n${faultLines.join("\n")}\n  ` : ""}],`,
    `  expect: [${expectations.length ? `\n${expectations.join("\n")}\n  ` : ""}],`,
    "});",
    "",
  );
  return lines.join("\n");
}
