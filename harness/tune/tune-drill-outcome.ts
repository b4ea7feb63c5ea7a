import type { ScenarioResult } from "../result/index.ts";

/** What one drill said about one value. */
export interface TuneDrillOutcome {
  readonly scenario: string;
  /** fault: the drill expects the alert to fire; noise: it must not page. */
  readonly role: "fault" | "noise";
  readonly state: "passed" | "failed" | "skipped";
  /** Fault drills: fleet seconds from the fault to firing and to the first page. */
  readonly faultToFiring: number | null;
  readonly faultToDelivered: number | null;
  /** Fault drills: the detection budget the configuration implies. */
  readonly budgetSeconds: number | null;
  /** Firing notifications of the alert the drill's receivers got. */
  readonly pages: number;
  /**
   * Times the alert fired (its firing episodes). A noise drill fails on a firing, as
   * expectNoOtherAlerts does in `firedrill run`, even one too short for group_wait to send.
   */
  readonly firings: number;
  /** Why it failed (the expectation's message), or was skipped. */
  readonly note?: string;
}

/** One drill's outcome for a tune value: its verdict, pages of the alert, and (fault drills) latency against the budget. */
export function tuneDrillOutcome(
  result: ScenarioResult,
  alert: string,
  role: "fault" | "noise",
): TuneDrillOutcome {
  const pages = result.deliveries.filter(
    (d) => d.status === "firing" && d.labels.alertname === alert,
  ).length;
  const firings = result.alerts.filter((a) => a.alertname === alert && a.firingAt !== null).length;
  const base = { scenario: result.name, role, pages, firings };
  if (result.state === "skipped") {
    return {
      ...base,
      state: "skipped",
      faultToFiring: null,
      faultToDelivered: null,
      budgetSeconds: null,
      note: result.skipReason ?? "skipped",
    };
  }
  if (role === "noise") {
    return {
      ...base,
      state: firings === 0 && pages === 0 ? "passed" : "failed",
      faultToFiring: null,
      faultToDelivered: null,
      budgetSeconds: null,
      ...(firings > 0 || pages > 0
        ? { note: `${alert} fired ${firings} time(s), paged ${pages} time(s)` }
        : {}),
    };
  }
  const fires = result.expectations.filter(
    (e) => e.expectation.kind === "fires" && e.expectation.alert === alert,
  );
  const failed = fires.find((e) => e.state === "failed");
  const late = fires.find((e) => e.latency?.deliveredWithinBudget === false);
  const latest = (pick: (l: NonNullable<(typeof fires)[number]["latency"]>) => number | null) => {
    const values = fires.map((e) => (e.latency ? pick(e.latency) : null));
    return values.some((v) => v === null) ? null : Math.max(...(values as number[]));
  };
  const budget = fires.find((e) => e.latency)?.latency?.budget.seconds ?? null;
  return {
    ...base,
    state: failed || late ? "failed" : "passed",
    faultToFiring: latest((l) => l.faultToFiring),
    faultToDelivered: latest((l) => l.faultToDelivered),
    budgetSeconds: budget,
    ...(failed && failed.state === "failed"
      ? { note: failed.message }
      : late
        ? { note: `paged after the ${budget}s budget` }
        : {}),
  };
}
