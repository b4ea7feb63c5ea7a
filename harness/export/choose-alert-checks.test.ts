import { describe, expect, it } from "vitest";
import type { AlertRecord } from "../result/index.ts";
import { chooseAlertChecks } from "./choose-alert-checks.ts";

const episode = (
  alertname: string,
  node: string,
  pendingAt: number,
  firingAt: number | null,
  endedAt: number | null,
): AlertRecord => ({
  alertname,
  labels: { alertname, node },
  pendingAt,
  firingAt,
  lastFiringAt: firingAt === null ? null : (endedAt ?? 960) - 15,
  endedAt,
});

describe("chooseAlertChecks", () => {
  it("checks each firing in its middle and the quiet after the last resolve", () => {
    const checks = chooseAlertChecks({
      alerts: [episode("EngineNotReady", "a0", 120, 240, 540)],
      named: ["EngineNotReady"],
      end: 960,
      intervalSeconds: 15,
    });
    // Firing from 240 s to its last poll at 525 s: the middle, 390 s. Resolved at 540 s: the
    // middle of the quiet till the end, 750 s.
    expect(checks).toEqual([
      {
        evalSeconds: 390,
        alertname: "EngineNotReady",
        firing: [{ alertname: "EngineNotReady", node: "a0" }],
      },
      { evalSeconds: 750, alertname: "EngineNotReady", firing: [] },
    ]);
  });

  it("checks a named alert that never fired near the end, and ignores pending-only episodes", () => {
    const checks = chooseAlertChecks({
      alerts: [episode("Noise", "a1", 300, null, 330)],
      named: ["Noise"],
      end: 960,
      intervalSeconds: 15,
    });
    expect(checks).toEqual([{ evalSeconds: 930, alertname: "Noise", firing: [] }]);
  });

  it("skips a middle that lies near another instance's start, and keeps one still firing at the end", () => {
    const checks = chooseAlertChecks({
      alerts: [episode("Lag", "a0", 100, 200, 500), episode("Lag", "a1", 300, 345, null)],
      named: [],
      end: 960,
      intervalSeconds: 15,
    });
    // a0's middle (345 s) is a1's firing start: unclear, left out. a1's middle (645 s) has a1
    // firing and a0 long resolved. Not every instance resolved: no quiet check.
    expect(checks).toEqual([
      { evalSeconds: 645, alertname: "Lag", firing: [{ alertname: "Lag", node: "a1" }] },
    ]);
  });

  it("checks every alert at the times asked for", () => {
    const checks = chooseAlertChecks({
      alerts: [episode("EngineNotReady", "a0", 120, 240, 540)],
      named: ["EngineNotReady", "Other"],
      end: 960,
      intervalSeconds: 15,
      at: [300, 600],
    });
    expect(checks).toEqual([
      {
        evalSeconds: 300,
        alertname: "EngineNotReady",
        firing: [{ alertname: "EngineNotReady", node: "a0" }],
      },
      { evalSeconds: 600, alertname: "EngineNotReady", firing: [] },
      { evalSeconds: 300, alertname: "Other", firing: [] },
      { evalSeconds: 600, alertname: "Other", firing: [] },
    ]);
  });
});
