import { describe, expect, it } from "vitest";
import type { ScenarioResult } from "../../harness/result/index.ts";
import { renderLanes } from "./render-lanes.ts";

const labels = { alertname: "Down", job: "x", instance: "127.0.0.1:1", node: "n-1" };
const groupKey = '{}/{severity=~"critical|page"}:{alertname="Down", node="n-1"}';
const scenario: ScenarioResult = {
  name: "s",
  file: "s.scenario.ts",
  state: "passed",
  driver: "processes",
  speed: 30,
  startedAt: "2026-12-01T10:00:00.000Z",
  wallSeconds: 20,
  durationFleetSeconds: 600,
  faults: [{ id: "crash", name: "x.node.crash", target: "n-1", injectedAt: 60, healedAt: 300 }],
  alerts: [{ alertname: "Down", labels, pendingAt: 90, firingAt: 150, endedAt: 330 }],
  deliveries: [
    { receiver: "pager", status: "firing", labels, groupKey, receivedAt: 180 },
    { receiver: "pager", status: "resolved", labels, groupKey, receivedAt: 360 },
  ],
  expectations: [],
};

describe("renderLanes", () => {
  it("draws the fault window, the alert's pending, firing and resolved stretches and its notifications", () => {
    const html = renderLanes(scenario);
    const pick = (re: RegExp) => [...html.matchAll(re)].map((m) => m.slice(1).join(" "));
    expect(pick(/class="fault-window" style="([^"]*)" title="([^"]*)"/g)).toEqual([
      "left:10.00%;width:40.00% crash: x.node.crash on n-1, t=1m–t=5m",
    ]);
    expect(pick(/class="lane-name" title="([^"]*)"/g)).toEqual(["Down{node=&quot;n-1&quot;}"]);
    expect(pick(/class="segment (\w+)" style="([^"]*)"/g)).toEqual([
      "pending left:15.00%;width:10.00%",
      "firing left:25.00%;width:30.00%",
      "resolved left:55.00%;width:45.00%",
    ]);
    expect(pick(/class="delivery (\w+)" style="([^"]*)" title="([^"]*)"/g)).toEqual([
      "firing left:30.00% firing notification to pager at t=3m",
      "resolved left:60.00% resolved notification to pager at t=6m",
    ]);
  });

  it("says so when no alert went pending", () => {
    expect(renderLanes({ ...scenario, alerts: [], deliveries: [] })).toContain(
      '<div class="lane empty"><div class="lane-name">no alert went pending</div>',
    );
  });
});
