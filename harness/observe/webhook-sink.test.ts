import { describe, expect, it } from "vitest";
import { WebhookSink } from "./webhook-sink.ts";

const payload = {
  version: "4",
  receiver: "pager",
  status: "firing",
  groupKey:
    '{}/{severity=~"critical|page"}:{alertname="CosmictronNoLiveness", node="cosmictron-2"}',
  groupLabels: { alertname: "CosmictronNoLiveness", node: "cosmictron-2" },
  alerts: [
    { status: "firing", labels: { alertname: "CosmictronNoLiveness", node: "cosmictron-2" } },
  ],
};

describe("WebhookSink", () => {
  it("records each alert of an Alertmanager notification with its receiver, group and arrival time", async () => {
    await using sink = await WebhookSink.start(0, () => 42);
    const response = await fetch(`${sink.origin}/receivers/pager`, {
      method: "POST",
      body: JSON.stringify(payload),
    });
    expect(response.status).toBe(200);
    expect(sink.deliveries).toEqual([
      {
        receiver: "pager",
        status: "firing",
        labels: { alertname: "CosmictronNoLiveness", node: "cosmictron-2" },
        groupKey: payload.groupKey,
        receivedAt: 42,
      },
    ]);
  });

  it("answers 500 and records nothing while a receiver is failing", async () => {
    await using sink = await WebhookSink.start();
    sink.failing.add("pager");
    const response = await fetch(`${sink.origin}/receivers/pager`, {
      method: "POST",
      body: JSON.stringify(payload),
    });
    expect(response.status).toBe(500);
    expect(sink.deliveries).toEqual([]);
  });

  it("rejects a body that is not a webhook payload", async () => {
    await using sink = await WebhookSink.start();
    const response = await fetch(`${sink.origin}/receivers/pager`, {
      method: "POST",
      body: "nope",
    });
    expect(response.status).toBe(400);
  });

  it("rejects a payload without the groupKey every Alertmanager notification carries", async () => {
    await using sink = await WebhookSink.start();
    const { groupKey: _, ...keyless } = payload;
    const response = await fetch(`${sink.origin}/receivers/pager`, {
      method: "POST",
      body: JSON.stringify(keyless),
    });
    expect(response.status).toBe(400);
    expect(sink.deliveries).toEqual([]);
  });
});
