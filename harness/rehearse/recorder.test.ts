import { describe, expect, it } from "vitest";
import { prometheusAlert } from "../testing/prometheus-alert.ts";
import { Recorder } from "./recorder.ts";

const alert = (state: "pending" | "firing") =>
  prometheusAlert({ alertname: "CosmictronNoLiveness", node: "cosmictron-2" }, state, 2_000);

describe("Recorder", () => {
  it("keeps faults, alert episodes and deliveries in fleet seconds", () => {
    // Wall ms to fleet seconds at 30x, t=0 at wall 1000 ms.
    const recorder = new Recorder((wallMs) => ((wallMs - 1000) * 30) / 1000);
    const crash = recorder.injected(
      { name: "cosmictron.node.crash", target: "cosmictron-2" },
      1500,
    );
    const again = recorder.injected({ name: "cosmictron.node.crash" }, 1600);
    recorder.observe([alert("pending")], 2100);
    recorder.observe([alert("firing")], 5000);
    recorder.healed(crash.id, 7000);
    recorder.observe([], 8000);
    const delivery = {
      receiver: "pager",
      status: "firing" as const,
      labels: { alertname: "CosmictronNoLiveness" },
      groupKey: '{}/{severity=~"critical|page"}:{alertname="CosmictronNoLiveness"}',
      receivedAt: 6000,
    };
    expect(recorder.snapshot([delivery], 9000)).toEqual({
      now: 240,
      faults: [
        {
          id: "node-crash-1",
          fault: { name: "cosmictron.node.crash", target: "cosmictron-2" },
          injectedAt: 15,
          healedAt: 180,
        },
        {
          id: "node-crash-2",
          fault: { name: "cosmictron.node.crash" },
          injectedAt: 18,
          healedAt: null,
        },
      ],
      alerts: [
        {
          alertname: "CosmictronNoLiveness",
          labels: { alertname: "CosmictronNoLiveness", node: "cosmictron-2" },
          state: "resolved",
          pendingAt: 30,
          firingAt: 120,
          endedAt: 210,
        },
      ],
      deliveries: [{ ...delivery, receivedAt: 150 }],
    });
    expect(again.id).toBe("node-crash-2");
  });
});
