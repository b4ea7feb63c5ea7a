import { describe, expect, it } from "vitest";
import type { DeliveryRecord } from "../result/index.ts";
import type { Observations } from "../runner/observations.ts";
import { expectSeparatePages } from "../scenario/expect-separate-pages.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";
import { separatePagesKind } from "./separate-pages.ts";

// The same page in two lattices; Alertmanager's group keys as each group_by makes them.
const alertname = "LatticeAtelierCandidatesBelowSlotRate";
const lattice0 = { alertname, lattice: "lattice0", organism: "atelier", severity: "page" };
const lattice1 = { ...lattice0, lattice: "lattice1" };
const route = '{}/{severity=~"critical|page"}';
const merged = `${route}:{alertname="${alertname}"}`;
const own = (l: Record<string, string>) =>
  `${route}:{alertname="${alertname}", lattice="${l.lattice}", organism="atelier"}`;
const separate = expectSeparatePages(alertname, {
  by: ["lattice"],
  labels: { severity: "page" },
}).toExpectation();

/** One alert of a notification to the pager. */
const sent = (
  labels: Record<string, string>,
  groupKey: string,
  status: DeliveryRecord["status"],
  receivedAt: number,
): DeliveryRecord => ({ receiver: "pager", status, labels, groupKey, receivedAt });

/** Judges the expectation against these deliveries (both lattices stalled at t=120, healed at t=480). */
function judge(deliveries: DeliveryRecord[]) {
  const observations: Observations = { faults: [], alerts: [], deliveries, end: 1200 };
  return separatePagesKind.evaluate(separate, {
    all: [separate],
    observations,
    parseSeconds: Number,
  });
}

describe("separate-pages", () => {
  it("passes when each lattice's page came in its own group", () => {
    const result = judge([
      sent(lattice0, own(lattice0), "firing", 246.9),
      sent(lattice1, own(lattice1), "firing", 246.9),
      sent(lattice0, own(lattice0), "resolved", 516.9),
      sent(lattice1, own(lattice1), "resolved", 516.9),
    ]);
    expect(result).toEqual({
      state: "passed",
      expectation: separate,
      title: `${alertname}{severity="page"} pages separately by lattice`,
    });
  });

  it.each([
    {
      title: "fails naming the alert, the labels and the group when one notification carries both",
      deliveries: [
        sent(lattice0, merged, "firing", 246.9),
        sent(lattice1, merged, "firing", 246.9),
        sent(lattice0, merged, "resolved", 546.9),
        sent(lattice1, merged, "resolved", 546.9),
      ],
      at: "4m7s",
      carried: 'firing {lattice="lattice0"}, firing {lattice="lattice1"}',
    },
    {
      // lattice1 joins lattice0's group after its page: the group's next notification has both.
      title: "fails when a later notification of one group carries the other lattice",
      deliveries: [
        sent(lattice0, merged, "firing", 246.9),
        sent(lattice0, merged, "resolved", 546.9),
        sent(lattice1, merged, "firing", 546.9),
      ],
      at: "9m7s",
      carried: 'resolved {lattice="lattice0"}, firing {lattice="lattice1"}',
    },
  ])("$title", ({ deliveries, at, carried }) => {
    const result = judge(deliveries);
    expect(result.state === "failed" && result.message).toBe(
      `${alertname}{severity="page"} was paged for {lattice="lattice0"} and {lattice="lattice1"} in one notification: the one to pager at t=${at}, of group ${merged}, carried ${carried}. Alertmanager merges alerts its route's group_by does not tell apart: add lattice to group_by.`,
    );
  });

  it("fails when only one lattice paged, so the drill could not show them apart", () => {
    const result = judge([sent(lattice0, own(lattice0), "firing", 246.9)]);
    expect(result.state === "failed" && result.message).toBe(
      `${alertname}{severity="page"} cannot show separate pages by lattice: only {lattice="lattice0"} was paged (observed until t=20m); the drill must page at least two instances that differ in them.`,
    );
  });

  it("does not count instances outside its labels", () => {
    // An investigate-severity twin in the same group does not make the pages merged.
    const ticket = { ...lattice1, severity: "investigate" };
    const result = judge([
      sent(lattice0, own(lattice0), "firing", 246.9),
      sent(ticket, own(lattice0), "firing", 246.9),
      sent(lattice1, own(lattice1), "firing", 250),
    ]);
    expect(result.state).toBe("passed");
  });
});

/** The message loading a two-lattice drill with this expectation fails with. */
function loadMessage(options: Parameters<typeof expectSeparatePages>[1], alert = alertname) {
  const candidate = {
    name: "two-lattices",
    fleet: { lattice: { lattices: 2, members: 3 } },
    duration: "10m",
    faults: [],
    expect: [{ kind: "no-other-alerts" }, expectSeparatePages(alert, options).toExpectation()],
  };
  try {
    validateScenario(candidate, "drills/x.scenario.ts");
  } catch (error) {
    return (error as Error).message;
  }
  return "loaded";
}

describe("separate-pages at load", () => {
  it("loads labels the instances can differ in", () => {
    expect(loadMessage({ by: ["lattice", "organism"], labels: { severity: "page" } })).toBe(
      "loaded",
    );
  });

  it.each<{
    title: string;
    options: Parameters<typeof expectSeparatePages>[1];
    alert?: string;
    message: string;
  }>([
    {
      title: "refuses an empty alert name",
      alert: "",
      options: { by: ["lattice"] },
      message: 'expect[1].alert must name an alert (got "").',
    },
    {
      title: "refuses an empty by",
      options: { by: [] },
      message:
        'expect[1].by must list the labels that tell the pages apart, e.g. { by: ["lattice"] } (got []).',
    },
    {
      title: "refuses a by entry that is not a label name",
      options: { by: ["lattice", "lattice-id"] },
      message: 'expect[1].by[1] "lattice-id" is not a label name.',
    },
    {
      title: "refuses alertname, which every instance shares",
      options: { by: ["alertname"] },
      message: `expect[1].by[0] is alertname, which every instance of ${alertname} shares.`,
    },
    {
      title: "refuses a label named twice",
      options: { by: ["lattice", "lattice"] },
      message: 'expect[1].by[1] "lattice" is named twice.',
    },
    {
      title: "refuses a by label that labels fixes",
      options: { by: ["lattice"], labels: { lattice: "lattice0" } },
      message:
        'expect[1].by[0] "lattice" is fixed to "lattice0" by labels, so the instances that count cannot differ in it.',
    },
  ])("$title", ({ options, alert, message }) => {
    expect(loadMessage(options, alert)).toBe(
      `Invalid scenario file: drills/x.scenario.ts: ${message}`,
    );
  });
});
