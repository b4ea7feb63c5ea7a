import { describe, expect, it } from "vitest";
import type { AlertEpisode } from "../observe/alert-tracker.ts";
import { expectAlert } from "../scenario/expect-alert.ts";
import { missedFiring } from "./missed-firing.ts";

const expectations = [
  expectAlert("Slow")
    .withLabels({ node: "n-1" })
    .firesWithin("5m", { after: "stall" })
    .toExpectation(),
];
const at = (now: number, episodes: AlertEpisode[], injected: number | null = 60) =>
  missedFiring({
    alert: "Slow",
    expectations,
    episodes,
    now,
    injectedAt: (step) => (step === "stall" ? injected : null),
    fleetSeconds: (ms) => ms / 1000,
    parseSeconds: (d) => Number.parseInt(d, 10) * 60,
  });
const episode = (labels: Record<string, string>, firingAt?: number): AlertEpisode => ({
  alertname: "Slow",
  labels,
  pendingAt: 0,
  ...(firingAt === undefined ? {} : { firingAt: firingAt * 1000 }),
});

describe("missedFiring", () => {
  it("is false until the window after the fault has closed", () => {
    expect(at(100, [])).toBe(false);
    expect(at(360, [])).toBe(false);
    expect(at(400, [], null)).toBe(false);
  });

  it("is true once the window closed with no firing episode of those labels", () => {
    expect(at(361, [])).toBe(true);
    expect(at(361, [episode({ node: "n-2" }, 100)])).toBe(true);
    expect(at(361, [episode({ node: "n-1" })])).toBe(true);
    expect(at(500, [episode({ node: "n-1" }, 400)])).toBe(true);
  });

  it("is false when the alert fired inside the window", () => {
    expect(at(361, [episode({ node: "n-1", severity: "warning" }, 200)])).toBe(false);
  });
});
