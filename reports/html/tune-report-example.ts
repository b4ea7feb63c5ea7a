import type { TuneDrillOutcome, TuneReport } from "../../harness/result/index.ts";

/** A fault drill's outcome in a tune report: delivered `delivered` s after the fault (null: never). */
export function faultOutcome(
  scenario: string,
  delivered: number | null,
  budget = 240,
): TuneDrillOutcome {
  return {
    scenario,
    role: "fault",
    state: delivered !== null && delivered <= budget ? "passed" : "failed",
    faultToFiring: delivered === null ? null : delivered - 30,
    faultToDelivered: delivered,
    budgetSeconds: budget,
    pages: delivered === null ? 0 : 1,
    firings: delivered === null ? 0 : 1,
  };
}

/**
 * A noise drill's outcome in a tune report: `firings` firings, `pages` of them paged; with
 * `alert`, the note that names it as tune writes it.
 */
export function noiseOutcome(
  scenario: string,
  firings: number,
  pages = 0,
  alert?: string,
): TuneDrillOutcome {
  return {
    scenario,
    role: "noise",
    state: firings === 0 ? "passed" : "failed",
    faultToFiring: null,
    faultToDelivered: null,
    budgetSeconds: null,
    pages,
    firings,
    ...(firings > 0 && alert !== undefined
      ? { note: `${alert} fired ${firings} time(s), paged ${pages} time(s)` }
      : {}),
  };
}

/**
 * A `firedrill tune NoLeader --for 0s,30s,3m` as tune.json holds it: `for: 0s` fires in the blip
 * drill, 30s (as written) is good, 3m misses the just-over drill.
 */
export function tuneReportExample(): TuneReport {
  const row = (
    forValue: string,
    drills: TuneDrillOutcome[],
    verdict: TuneReport["rows"][number]["verdict"],
  ) => ({
    candidate: { for: forValue, asWritten: forValue === "30s" },
    drills,
    catchesEveryFault: drills.every((d) => d.role !== "fault" || d.state === "passed"),
    noisePages: 0,
    noiseFirings: drills.reduce((n, d) => n + (d.role === "noise" ? d.firings : 0), 0),
    verdict,
  });
  return {
    alert: "NoLeader",
    ruleFile: "rules.yml",
    asWritten: { for: "30s" },
    faultDrills: ["no-leader", "no-leader-just-over-for"],
    noiseDrills: ["no-leader-blip-noise"],
    time: "virtual",
    versions: { prometheus: "3.16.0", alertmanager: "0.35.0" },
    wallSeconds: 42,
    rows: [
      row(
        "0s",
        [
          faultOutcome("no-leader", 49),
          faultOutcome("no-leader-just-over-for", 49),
          noiseOutcome("no-leader-blip-noise", 8, 0, "NoLeader"),
        ],
        "noisy",
      ),
      row(
        "30s",
        [
          faultOutcome("no-leader", 75),
          faultOutcome("no-leader-just-over-for", 75),
          noiseOutcome("no-leader-blip-noise", 0),
        ],
        "good",
      ),
      row(
        "3m",
        [
          faultOutcome("no-leader", 233),
          faultOutcome("no-leader-just-over-for", null),
          noiseOutcome("no-leader-blip-noise", 0),
        ],
        "misses",
      ),
    ],
  };
}
