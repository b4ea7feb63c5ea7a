import { describe, expect, it } from "vitest";
import type { DeliveryRecord } from "../result/index.ts";
import type { Observations } from "../runner/evaluate.ts";
import { expectAlert } from "../scenario/expect-alert.ts";
import { parseDuration } from "../time/index.ts";
import { firesKind } from "./fires.ts";

// One alert, two instances in one group: the expectation's labels (severity) match both nodes.
const node0 = { alertname: "ReactorHealthCheckFailing", node: "reactor-0", severity: "critical" };
const node1 = { ...node0, node: "reactor-1" };
const fires = expectAlert("ReactorHealthCheckFailing")
  .withLabels({ severity: "critical" })
  .firesWithin("5m", { after: "crash" })
  .deliveredTo("pager")
  .resolvesWithin("5m")
  .toExpectation();

/** A crash at t=60 healed at t=600; reactor-0 fires at 200 and resolves at 700, reactor-1 fires earlier and resolves earlier. */
function judge(deliveries: DeliveryRecord[]) {
  const observations: Observations = {
    faults: [{ id: "crash", name: "reactor.crash", target: null, injectedAt: 60, healedAt: 600 }],
    alerts: [
      { alertname: node0.alertname, labels: node0, pendingAt: 80, firingAt: 200, endedAt: 700 },
      { alertname: node1.alertname, labels: node1, pendingAt: 70, firingAt: 190, endedAt: 640 },
    ],
    deliveries,
    end: 1200,
  };
  const parseSeconds = (d: string) => parseDuration(d) / 1000;
  return firesKind.evaluate(fires, { all: [fires], observations, parseSeconds });
}

/** A notification of one instance. */
const sent = (
  labels: Record<string, string>,
  receiver: string,
  status: DeliveryRecord["status"],
  receivedAt: number,
): DeliveryRecord => ({
  receiver,
  status,
  labels,
  groupKey: `{}/{}:{alertname="${labels.alertname}", node="${labels.node}"}`,
  receivedAt,
});

describe("fires: an alert with several instances", () => {
  it("records this instance's notifications when the other instance's come first", () => {
    const result = judge([
      sent(node1, "pager", "firing", 220),
      sent(node0, "pager", "firing", 230),
      sent(node1, "pager", "resolved", 650),
      sent(node0, "pager", "resolved", 710),
    ]);
    expect(result.state).toBe("passed");
    expect(result.observed).toMatchObject({
      firingAt: 200,
      deliveredAt: 230,
      deliveredTo: ["pager"],
      resolvedAt: 700,
      resolvedDeliveredAt: 710,
    });
  });

  it("names only the receivers that got this instance", () => {
    const result = judge([
      sent(node1, "tickets", "firing", 215),
      sent(node0, "pager", "firing", 230),
      sent(node0, "pager", "resolved", 710),
    ]);
    expect(result.state).toBe("passed");
    expect(result.observed?.deliveredTo).toEqual(["pager"]);
  });

  it("does not take a resolved notification from before this instance's first one", () => {
    // reactor-0's resolved notification of an earlier firing reaches the pager before its first.
    const result = judge([
      sent(node0, "pager", "resolved", 210),
      sent(node0, "pager", "firing", 230),
      sent(node1, "pager", "resolved", 650),
    ]);
    expect(result.observed).toMatchObject({ deliveredAt: 230, resolvedDeliveredAt: null });
    expect(result.state === "failed" && result.message).toBe(
      'ReactorHealthCheckFailing{severity="critical"} resolved at t=11m40s but pager never got the resolved notification (observed until t=20m).',
    );
  });

  it("fails when only the other instance reaches the expected receiver", () => {
    const result = judge([
      sent(node1, "pager", "firing", 220),
      sent(node0, "tickets", "firing", 230),
      sent(node1, "pager", "resolved", 650),
    ]);
    expect(result.observed).toMatchObject({ deliveredAt: null, deliveredTo: ["tickets"] });
    expect(result.state === "failed" && result.message).toBe(
      'ReactorHealthCheckFailing{severity="critical"} fired at t=3m20s but was not delivered to pager: delivered to tickets instead.',
    );
  });
});
