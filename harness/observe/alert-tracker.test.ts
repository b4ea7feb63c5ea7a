import { describe, expect, it } from "vitest";
import { prometheusAlert } from "../testing/prometheus-alert.ts";
import { AlertTracker } from "./alert-tracker.ts";
import type { PrometheusAlert } from "./prometheus-client.ts";

const alert = (state: "pending" | "firing", node = "cosmictron-1"): PrometheusAlert =>
  prometheusAlert({ alertname: "CosmictronNoLiveness", node, severity: "critical" }, state, 1_000);

describe("AlertTracker", () => {
  it("turns polls into one episode: pending at activeAt, firing when first seen firing, ended when gone", () => {
    const tracker = new AlertTracker();
    expect(tracker.observe([alert("pending")], 2_000).map((c) => [c.to, c.at])).toEqual([
      ["pending", 1_000],
    ]);
    expect(tracker.observe([alert("pending")], 3_000)).toEqual([]);
    expect(tracker.observe([alert("firing")], 4_000).map((c) => [c.to, c.at])).toEqual([
      ["firing", 4_000],
    ]);
    expect(tracker.observe([], 9_000).map((c) => [c.to, c.at])).toEqual([["inactive", 9_000]]);
    expect(tracker.episodes).toEqual([
      {
        alertname: "CosmictronNoLiveness",
        labels: { alertname: "CosmictronNoLiveness", node: "cosmictron-1", severity: "critical" },
        pendingAt: 1_000,
        firingAt: 4_000,
        firedAfter: 3_000,
        lastFiringAt: 4_000,
        endedAt: 9_000,
      },
    ]);
  });

  it("bounds a firing between two polls: after the poll before, or after activeAt if first seen firing", () => {
    const tracker = new AlertTracker();
    tracker.observe([alert("firing", "cosmictron-0")], 2_000);
    tracker.observe([alert("firing", "cosmictron-0"), alert("pending")], 2_500);
    tracker.observe([alert("firing", "cosmictron-0"), alert("pending")], 6_000);
    tracker.observe([alert("firing", "cosmictron-0"), alert("firing")], 6_250);
    expect(tracker.episodes.map((e) => [e.labels.node, e.firedAfter, e.firingAt])).toEqual([
      ["cosmictron-0", 1_000, 2_000],
      ["cosmictron-1", 6_000, 6_250],
    ]);
  });

  it("keeps instances apart by their labels and opens a new episode when an alert comes back", () => {
    const tracker = new AlertTracker();
    tracker.observe([alert("firing", "cosmictron-0"), alert("pending", "cosmictron-1")], 2_000);
    tracker.observe([alert("firing", "cosmictron-0")], 3_000);
    tracker.observe([alert("firing", "cosmictron-0"), alert("pending", "cosmictron-1")], 4_000);
    expect(
      tracker.episodes.map((e) => [e.labels.node, e.firingAt ?? null, e.endedAt ?? null]),
    ).toEqual([
      ["cosmictron-0", 2_000, null],
      ["cosmictron-1", null, 3_000],
      ["cosmictron-1", null, null],
    ]);
  });

  it("starts a new episode when a firing alert shows up pending again (Prometheus lost its state)", () => {
    const tracker = new AlertTracker();
    tracker.observe([alert("firing")], 2_000);
    tracker.observe([{ ...alert("pending"), activeAt: new Date(5_000).toISOString() }], 6_000);
    tracker.observe([alert("firing")], 9_000);
    expect(
      tracker.episodes.map((e) => [e.pendingAt, e.firingAt ?? null, e.endedAt ?? null]),
    ).toEqual([
      [1_000, 2_000, 6_000],
      [5_000, 9_000, null],
    ]);
  });
});
