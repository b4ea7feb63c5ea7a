import { defineScenario, expectAlert, expectNoOtherAlerts, lattice } from "firedrill";

// Just longer than `for`: tally's evidence disagrees on every slot for 2m50s (1m to 3m50s).
// LatticeTallyEvidenceFailures reads a 2m rate, so it is over zero from the first failure (a slot,
// 12 s, then a scrape and an evaluation, 15 s each: pending by 42 s) until the last failure has
// left the window (at least 1m45s after it, with 15 s scrapes). `for: 3m` fires it by 3m42s and
// Alertmanager holds a new group for group_wait (30 s): the page leaves by 4m12s only if the alert
// is still firing then, which needs the last failure after 2m27s. The last slot of the burst is
// at least 2m38s in, so it pages with 11 s to spare. A `for` grown to 4m30s never fires.
// Its twin shorter than `for` is lattice-tally-evidence-failures-blip-noise (30 s); the sustained
// drill is lattice-tally-evidence-failures (half the slots for six minutes).
export default defineScenario({
  name: "lattice-tally-evidence-failures-just-over-for",
  description:
    "tally's evidence fails on every slot for 2m50s; the 2m rate outlasts `for: 3m`; it pages.",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "11m",
  faults: [
    {
      id: "fault",
      at: "1m",
      heal: "3m50s",
      fault: lattice.tallyEvidenceMismatch({ lattice: "lattice0", ratio: 1 }),
    },
  ],
  expect: [
    // 42 s to pending, `for` and 8 s of live polling; the 2m window clears, plus a scrape and an
    // evaluation, after the last failure.
    expectAlert("LatticeTallyEvidenceFailures")
      .withLabels({ organism: "tally", severity: "page" })
      .firesWithin("3m50s", { after: "fault" })
      .deliveredTo("pager")
      .resolvesWithin("2m45s"),
    expectNoOtherAlerts(),
  ],
});
