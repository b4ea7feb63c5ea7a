import { describe, expect, it } from "vitest";
import type { RunResult } from "../result/index.ts";
import { latencyRows, renderLatency } from "./latency-table.ts";

const fires = (alert: string, delivered: number, budget: number, healToResolved: number) => ({
  state: "passed",
  title: alert,
  expectation: { kind: "fires", alert, labels: {}, after: "f", within: "5m" },
  latency: {
    faultToPending: 10,
    faultToFiring: delivered - 20,
    faultToDelivered: delivered,
    healToResolved,
    budget: { seconds: budget, scrapeInterval: 15, evaluationInterval: 15, for: 60, groupWait: 30 },
    deliveredWithinBudget: delivered <= budget,
  },
});

const run = {
  scenarios: [
    { name: "b-scenario", expectations: [fires("Zeta", 100, 120, 30)] },
    {
      name: "a-scenario",
      expectations: [
        fires("Alpha", 150, 120, -20),
        { state: "passed", title: "no other", expectation: { kind: "no-other-alerts" } },
      ],
    },
  ],
} as unknown as RunResult;

describe("latency table", () => {
  it("lists each firing expectation by alert, with how far over its budget it was", () => {
    const rows = latencyRows(run);
    expect(rows.map((r) => [r.alert, r.scenario, r.withinBudget])).toEqual([
      ["Alpha", "a-scenario", false],
      ["Zeta", "b-scenario", true],
    ]);
    const text = renderLatency(rows);
    expect(text).toContain(
      "| Alpha | a-scenario | 10s | 2m10s | 2m30s | 2m | 30s | ended before the heal |",
    );
    expect(text).toContain("| Zeta | b-scenario | 10s | 1m20s | 1m40s | 2m |  | 30s |");
    expect(text).toContain("1 of 2 delivered within the budget");
  });
});
