import type { RunResult } from "../result/index.ts";
import { formatSeconds } from "../runner/evaluate.ts";

/** One firing expectation's detection latency, for the table. */
export interface LatencyRow {
  readonly alert: string;
  readonly scenario: string;
  readonly faultToPending: number | null;
  readonly faultToFiring: number | null;
  readonly faultToDelivered: number | null;
  readonly healToResolved: number | null;
  readonly budget: number;
  readonly withinBudget: boolean | null;
}

/** Every firing expectation of a run that recorded a latency, by alert then scenario. */
export function latencyRows(run: RunResult): LatencyRow[] {
  const rows: LatencyRow[] = [];
  for (const scenario of run.scenarios) {
    for (const e of scenario.expectations) {
      if (e.expectation.kind !== "fires" || !e.latency) continue;
      rows.push({
        alert: e.expectation.alert,
        scenario: scenario.name,
        faultToPending: e.latency.faultToPending,
        faultToFiring: e.latency.faultToFiring,
        faultToDelivered: e.latency.faultToDelivered,
        healToResolved: e.latency.healToResolved,
        budget: e.latency.budget.seconds,
        withinBudget: e.latency.deliveredWithinBudget,
      });
    }
  }
  return rows.sort(
    (a, b) => a.alert.localeCompare(b.alert) || a.scenario.localeCompare(b.scenario),
  );
}

/** A Markdown table of detection latency against the budget, in fleet time. */
export function renderLatency(rows: readonly LatencyRow[]): string {
  const t = (s: number | null) => (s === null ? "–" : formatSeconds(s));
  const lines = [
    "| alert | scenario | →pending | →firing | →delivered | budget | over by | heal→resolved |",
    "|---|---|---|---|---|---|---|---|",
    ...rows.map((r) => {
      const over =
        r.faultToDelivered === null || r.withinBudget ? "" : t(r.faultToDelivered - r.budget);
      // An episode can end before the heal: a restarted Prometheus starts it over.
      const resolved =
        r.healToResolved !== null && r.healToResolved < 0
          ? "ended before the heal"
          : t(r.healToResolved);
      return `| ${r.alert} | ${r.scenario} | ${t(r.faultToPending)} | ${t(r.faultToFiring)} | ${t(r.faultToDelivered)} | ${t(r.budget)} | ${over} | ${resolved} |`;
    }),
  ];
  const within = rows.filter((r) => r.withinBudget).length;
  lines.push(
    "",
    `${within} of ${rows.length} delivered within the budget (scrape + evaluation + for + group_wait).`,
  );
  return lines.join("\n");
}
