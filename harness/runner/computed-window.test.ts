import { describe, expect, it } from "vitest";
import type { FaultRecord, FiringObservation } from "../result/index.ts";
import { computeWindow, type WindowInputs, windowViolation } from "./computed-window.ts";

const pager = {
  receiver: "pager",
  groupBy: ["alertname", "node"],
  groupByAll: false,
  groupWait: 30,
  groupInterval: 300,
  repeatInterval: 14_400,
};
const inputs = (over: Partial<WindowInputs> = {}): WindowInputs => ({
  alert: "EngineNotReady",
  rules: [{ for: 120, file: "fixtures/cognitora/rules.yml" }],
  route: pager,
  groupActive: false,
  evaluationInterval: 15,
  observationSlack: 15,
  faults: [],
  ...over,
});
// A firing as a live run at 30x sees it: pending at 100, firing 2m (+4 s of poll) later,
// delivered group_wait (−5 s of poll) after, resolved at 600, resolved notification at 700.
const firing = (over: Partial<FiringObservation> = {}): FiringObservation => ({
  faultAt: 90,
  pendingAt: 100,
  firingAt: 224,
  deliveredAt: 249,
  deliveredTo: ["pager"],
  healedAt: 500,
  resolvedAt: 600,
  resolvedDeliveredAt: 700,
  ...over,
});
const judge = (i: WindowInputs, o: FiringObservation) =>
  windowViolation('EngineNotReady{severity="warning"}', computeWindow(i, o), o);

describe("computed windows", () => {
  it("bounds the hold by the rule's for, the delivery by group_wait, the resolved one by group_interval", () => {
    expect(computeWindow(inputs(), firing())).toEqual({
      derivation:
        "for: 2m (fixtures/cognitora/rules.yml) at a 15s evaluation interval: firing 2m to 2m15s after pending; route to pager: group_wait 30s: delivered 15s to 45s after firing; resolved notification within group_interval 5m of the resolve; each seen within 15s",
      hold: [120, 135],
      delivery: [15, 45],
      resolvedDelivery: [-15, 315],
    });
    expect(judge(inputs(), firing())).toBeUndefined();
  });

  it("fails a rule that fires sooner than its for allows (for 2m → 40s)", () => {
    expect(judge(inputs(), firing({ firingAt: 145, deliveredAt: 170 }))).toBe(
      'EngineNotReady{severity="warning"} fired 45s after going pending (t=1m40s → t=2m25s), outside the computed window: for: 2m (fixtures/cognitora/rules.yml) at a 15s evaluation interval: firing 2m to 2m15s after pending; route to pager: group_wait 30s: delivered 15s to 45s after firing; resolved notification within group_interval 5m of the resolve; each seen within 15s.',
    );
  });

  it("fails a firing held three times its for (2m → 6m)", () => {
    expect(judge(inputs(), firing({ firingAt: 460, deliveredAt: 490 }))).toMatch(
      /^EngineNotReady\{severity="warning"\} fired 6m after going pending \(t=1m40s → t=7m40s\), outside the computed window: for: 2m/,
    );
  });

  it("fails a delivery held eight times group_wait (30s → 4m)", () => {
    expect(judge(inputs(), firing({ deliveredAt: 464 }))).toMatch(
      /^EngineNotReady\{severity="warning"\} was delivered 4m after firing \(t=3m44s → t=7m44s\), outside the computed window: /,
    );
  });

  it("allows up to group_interval when the alert joins a group that is already notifying", () => {
    const joining = firing({ deliveredAt: 224 + 200 });
    expect(judge(inputs({ groupActive: true }), joining)).toBeUndefined();
    expect(judge(inputs(), joining)).toMatch(/was delivered 3m20s after firing/);
  });

  it("fails a resolved notification later than the group's next flush", () => {
    expect(judge(inputs(), firing({ resolvedDeliveredAt: 600 + 400 }))).toMatch(
      /resolved notification came 6m40s after it resolved \(t=10m → t=16m40s\)/,
    );
  });

  it("lifts Alertmanager's bounds while a receiver is down, and the hold's when Prometheus restarts before the firing", () => {
    const outage: FaultRecord = {
      id: "outage",
      name: "receiver.outage",
      target: null,
      injectedAt: 60,
      healedAt: 300,
    };
    const late = firing({ deliveredAt: 330 });
    const window = computeWindow(inputs({ faults: [outage] }), late);
    expect(window.delivery).toBeNull();
    expect(window.hold).toEqual([120, 135]);
    expect(window.exempt).toBe(
      'receiver.outage ("outage") at t=1m falls within this firing: Alertmanager\'s timing is not bounded',
    );
    expect(judge(inputs({ faults: [outage] }), late)).toBeUndefined();

    const restart: FaultRecord = { ...outage, id: "restart", name: "stack.prometheus.restart" };
    expect(computeWindow(inputs({ faults: [restart] }), firing()).hold).toBeNull();
  });

  it("takes the range of for when several rules share the alert's name, and no bound without a rule or route", () => {
    const two = inputs({
      rules: [
        { for: 60, file: "a.yml" },
        { for: 120, file: "b.yml" },
      ],
    });
    expect(computeWindow(two, firing()).hold).toEqual([60, 135]);
    const none = computeWindow(inputs({ rules: [], route: undefined }), firing());
    expect([none.hold, none.delivery, none.derivation]).toEqual([null, null, ""]);
  });
});
