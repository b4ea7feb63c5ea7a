import { describe, expect, it } from "vitest";
import { expectAlert, expectNoOtherAlerts } from "../scenario/expect-alert.ts";
import { parseDuration } from "../time/index.ts";
import { evaluate, type Observations } from "./evaluate.ts";

const seconds = (d: string) => parseDuration(d) / 1000;
const labels = {
  alertname: "CosmictronWalFsyncLatency",
  node: "cosmictron-1",
  severity: "warning",
};
const groupKey =
  '{}/{severity=~"warning|investigate"}:{alertname="CosmictronWalFsyncLatency", node="cosmictron-1"}';
const fires = expectAlert("CosmictronWalFsyncLatency")
  .withLabels({ node: "cosmictron-1" })
  .firesWithin("8m", { after: "stall" })
  .deliveredTo("tickets")
  .resolvesWithin("8m")
  .toExpectation();

type Episode = Observations["alerts"][number];

/** An episode of the alert on cosmictron-1 as observations() has it, changed by `overrides`. */
function episode(overrides: Partial<Episode> = {}): Episode {
  return {
    alertname: "CosmictronWalFsyncLatency",
    labels,
    pendingAt: 135,
    firingAt: 440,
    endedAt: 1050,
    ...overrides,
  };
}

function observations(overrides: Partial<Observations> = {}): Observations {
  return {
    faults: [
      {
        id: "stall",
        name: "cosmictron.wal.fsync-stall",
        target: "cosmictron-1",
        injectedAt: 120,
        healedAt: 720,
      },
    ],
    alerts: [episode()],
    deliveries: [
      { receiver: "tickets", status: "firing", labels, groupKey, receivedAt: 470 },
      { receiver: "tickets", status: "resolved", labels, groupKey, receivedAt: 1200 },
    ],
    end: 1560,
    ...overrides,
  };
}

describe("evaluate", () => {
  it("passes a fires/delivered/resolves expectation and records the observed times", () => {
    const [result] = evaluate([fires], observations(), seconds);
    expect(result).toEqual({
      state: "passed",
      expectation: fires,
      title:
        'CosmictronWalFsyncLatency{node="cosmictron-1"} fires within 8m after stall, delivered to tickets, resolves within 8m after the heal',
      observed: {
        faultAt: 120,
        healedAt: 720,
        pendingAt: 135,
        firingAt: 440,
        deliveredAt: 470,
        deliveredTo: ["tickets"],
        resolvedAt: 1050,
        resolvedDeliveredAt: 1200,
      },
    });
  });

  it("names the alert, the window and what was seen when the alert never fires", () => {
    const [result] = evaluate([fires], observations({ alerts: [], deliveries: [] }), seconds);
    expect(result?.state === "failed" && result.message).toBe(
      'CosmictronWalFsyncLatency{node="cosmictron-1"} did not fire: expected firing by t=10m (within 8m of the fault at t=2m); observed: it never went pending or firing (observed until t=26m).',
    );
  });

  it("fails an alert that fires after its window", () => {
    const late = observations({
      alerts: [episode({ firingAt: 700 })],
    });
    const [result] = evaluate([fires], late, seconds);
    expect(result?.state === "failed" && result.message).toBe(
      'CosmictronWalFsyncLatency{node="cosmictron-1"} fired too late: expected firing by t=10m (within 8m of the fault at t=2m); observed: firing at t=11m40s, 9m40s after the fault.',
    );
  });

  it("judges a live firing by the poll before the one that saw it: late only once that poll is past the window", () => {
    // Fault at 2m, window 8m: firing by t=10m. Seen firing at 10m5s, the poll before at 9m58s:
    // it may have fired in time, so it passes; with the poll before at 10m1s it cannot have.
    const between = observations({ alerts: [episode({ firingAt: 605, firedAfter: 598 })] });
    expect(evaluate([fires], between, seconds)[0]?.state).toBe("passed");
    const past = observations({ alerts: [episode({ firingAt: 605, firedAfter: 601 })] });
    const [result] = evaluate([fires], past, seconds);
    expect(result?.state === "failed" && result.message).toBe(
      'CosmictronWalFsyncLatency{node="cosmictron-1"} fired too late: expected firing by t=10m (within 8m of the fault at t=2m); observed: firing at t=10m5s (between the polls at t=10m1s and t=10m5s), 8m5s after the fault.',
    );
  });

  it("fails when the notification reaches another receiver", () => {
    const wrong = observations({
      deliveries: [{ receiver: "pager", status: "firing", labels, groupKey, receivedAt: 470 }],
    });
    const [result] = evaluate([fires], wrong, seconds);
    expect(result?.state === "failed" && result.message).toBe(
      'CosmictronWalFsyncLatency{node="cosmictron-1"} fired at t=7m20s but was not delivered to tickets: delivered to pager instead.',
    );
  });

  it("fails an alert that resolves and fires again, unless the scenario allows it", () => {
    const flapping = observations({
      alerts: [episode(), episode({ pendingAt: 1110, firingAt: 1140, endedAt: 1200 })],
    });
    const [result] = evaluate([fires], flapping, seconds);
    expect(result).toMatchObject({
      state: "failed",
      message:
        'CosmictronWalFsyncLatency{node="cosmictron-1"} flapped: it fired at t=7m20s, resolved at t=17m30s and fired again at t=19m. If the fault comes and goes by design, say so with .mayFireAgain().',
    });
    const allowed = expectAlert("CosmictronWalFsyncLatency")
      .withLabels({ node: "cosmictron-1" })
      .firesWithin("8m", { after: "stall" })
      .deliveredTo("tickets")
      .resolvesWithin("8m")
      .mayFireAgain()
      .toExpectation();
    expect(evaluate([allowed], flapping, seconds)[0]?.state).toBe("passed");
    // Another instance (another node) firing later is not the same alert flapping.
    const other = { ...labels, instance: "b" };
    const two = observations({
      alerts: [
        episode(),
        episode({ labels: other, pendingAt: 1110, firingAt: 1140, endedAt: 1200 }),
      ],
    });
    expect(evaluate([fires], two, seconds)[0]?.state).toBe("passed");
  });

  it("fails an alert still firing at the end", () => {
    const stuck = observations({
      alerts: [episode({ endedAt: null })],
    });
    const [result] = evaluate([fires], stuck, seconds);
    expect(result?.state === "failed" && result.message).toBe(
      'CosmictronWalFsyncLatency{node="cosmictron-1"} did not resolve: expected resolved by t=20m (within 8m of the heal at t=12m); observed: still firing at t=26m.',
    );
  });

  it("flags alerts no expectation names, and passes when only expected ones fire", () => {
    const noOthers = expectNoOtherAlerts().toExpectation();
    const other = { alertname: "CosmictronNoLiveness", node: "cosmictron-0", severity: "critical" };
    const obs = observations({
      alerts: [
        ...observations().alerts,
        {
          alertname: "CosmictronNoLiveness",
          labels: other,
          pendingAt: 10,
          firingAt: 70,
          endedAt: 100,
        },
        {
          alertname: "CosmictronStorageNearFull",
          labels: other,
          pendingAt: 10,
          firingAt: null,
          endedAt: 30,
        },
      ],
    });
    const [, result] = evaluate([fires, noOthers], obs, seconds);
    expect(result?.state === "failed" && result.message).toBe(
      'Unexpected alerts fired: CosmictronNoLiveness{node="cosmictron-0",severity="critical"} firing at t=1m10s.',
    );
    expect(evaluate([fires, noOthers], observations(), seconds)[1]?.state).toBe("passed");
  });

  it("fails a never-fires expectation only on firing, not on pending", () => {
    const never = expectAlert("CosmictronWalFsyncLatency").neverFires().toExpectation();
    const pendingOnly = observations({
      alerts: [episode({ firingAt: null, endedAt: 200 })],
    });
    expect(evaluate([never], pendingOnly, seconds)[0]?.state).toBe("passed");
    expect(evaluate([never], observations(), seconds)[0]?.state).toBe("failed");
  });
});
