import { defineScenario, expectAlert, expectNoOtherAlerts, lattice } from "firedrill";

// Just longer than `for`: tally elects no leader for 1m45s (1m to 2m45s), against
// LatticeOrganismNoLeader's `for: 30s` ("no leader for 30 seconds"). has_leader drops within the
// 1 s Raft tick; every member must read 0, and the last is scraped within 15 s, the first
// evaluation to see it within 15 s more: pending by 31 s, firing by 1m1s. Alertmanager holds a
// new group for group_wait (30 s) and the page only leaves if the alert is still firing then
// (after the heal it resolves as soon as one member is scraped with the new leader): 1m31s at
// worst, plus 14 s to spare. A `for` grown to 1m30s fires but too late to page. It hits tally,
// not unseal as its twins do: tally is last in the pipeline, so nothing downstream stalls, where a
// spell this long in unseal leaves atelier's slot-rate page (`for: 1m`) on its own boundary. Its
// twin shorter than `for` is lattice-unseal-no-leader-blip-noise (12 s); the long one is
// lattice-unseal-no-leader (six minutes).
export default defineScenario({
  name: "lattice-tally-no-leader-just-over-for",
  description: "tally without a Raft leader for 1m45s, just longer than `for: 30s`; it pages.",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "8m30s",
  faults: [
    {
      id: "fault",
      at: "1m",
      heal: "2m45s",
      fault: lattice.raftNoLeader({ lattice: "lattice0", organism: "tally" }),
    },
  ],
  expect: [
    // 31 s to pending, `for` and 8 s of live polling; an election (up to 2.5 s), a tick, a scrape
    // and an evaluation after the heal.
    expectAlert("LatticeOrganismNoLeader")
      .withLabels({ organism: "tally", severity: "page" })
      .firesWithin("1m15s", { after: "fault" })
      .deliveredTo("pager")
      .resolvesWithin("1m"),
    expectNoOtherAlerts(),
  ],
});
