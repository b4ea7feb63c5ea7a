import { describe, expect, it } from "vitest";
import type { AlertRecord, DeliveryRecord, ScenarioResult } from "../result/index.ts";
import { tuneDrillOutcome } from "./tune-drill-outcome.ts";

const labels = { alertname: "LatticeOrganismNoLeader", organism: "unseal", severity: "page" };
const firing = (at: number): AlertRecord => ({
  alertname: "LatticeOrganismNoLeader",
  labels,
  pendingAt: at,
  firingAt: at,
  endedAt: at + 15,
});
// The fields tuneDrillOutcome reads from a drill's result.
const result = (alerts: AlertRecord[], deliveries: DeliveryRecord[] = []) =>
  ({
    name: "lattice-unseal-no-leader-blip-noise",
    state: "failed",
    alerts,
    deliveries,
    expectations: [],
  }) as unknown as ScenarioResult;

describe("tuneDrillOutcome", () => {
  it("fails a noise drill the alert fired in, even when no firing lasted to group_wait's flush", () => {
    const got = tuneDrillOutcome(
      result([firing(132), firing(537)]),
      "LatticeOrganismNoLeader",
      "noise",
    );
    expect([got.state, got.firings, got.pages, got.note]).toEqual([
      "failed",
      2,
      0,
      "LatticeOrganismNoLeader fired 2 time(s), paged 0 time(s)",
    ]);
  });

  it("passes a noise drill where only another alert fired", () => {
    const other = { ...firing(132), alertname: "LatticeZipnetBroadcastsStalled" };
    const got = tuneDrillOutcome(result([other]), "LatticeOrganismNoLeader", "noise");
    expect([got.state, got.firings, got.pages]).toEqual(["passed", 0, 0]);
  });

  it("counts the firing notifications a receiver got as pages", () => {
    const page: DeliveryRecord = {
      receiver: "pager",
      status: "firing",
      labels,
      groupKey: "{}:{}",
      receivedAt: 170,
    };
    const got = tuneDrillOutcome(
      result([firing(132)], [page, { ...page, status: "resolved" }]),
      "LatticeOrganismNoLeader",
      "noise",
    );
    expect([got.state, got.firings, got.pages]).toEqual(["failed", 1, 1]);
  });
});
