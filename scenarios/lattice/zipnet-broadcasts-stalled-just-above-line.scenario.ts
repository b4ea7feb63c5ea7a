import { defineScenario, expectAlert, expectNoOtherAlerts, lattice } from "firedrill";
import { BROADCAST_WINDOWS } from "./lattice-expectations.ts";

// The boundary, from above: zipnet stops committing for exactly 36 s (1m to 1m36s), so it loses
// exactly three 12 s rounds (any 36 s holds three round ticks) — the page's "three consecutive
// rounds", LatticeZipnetBroadcastsStalled's 36 s window. Broadcasts are then 48 s apart, and
// whatever the phase of rounds, scrapes and evaluations, one evaluation 21–36 s after the first
// scrape in that gap reads two samples inside it and nothing else: increase(...[36s]) == 0, and,
// with no `for`, the alert fires at once. That is all the fault allows: it fires for one or two
// evaluations and resolves at the first scrape after the next broadcast, before Alertmanager's
// 30 s group_wait ends for some phases (2 of seeds 42–46), so the page may not be delivered; a
// delivered page for every phase takes about seven lost rounds (the firing must outlast
// group_wait), where atelier's slot-rate page is on its own edge. So this drill holds the firing
// and its resolve, not the delivery. Scrapes (15 s) are coarser than rounds (12 s): a window
// moved to four rounds (48 s) can still read this gap as empty and fire; one of five (60 s) does
// not. Atelier misses three slots and stays above its line. No drill sits just under this line.
export default defineScenario({
  name: "lattice-zipnet-broadcasts-stalled-just-above-line",
  description: "zipnet loses exactly three rounds (36 s); the three-round alert fires.",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "3m",
  faults: [
    {
      id: "fault",
      at: "1m",
      heal: "1m36s",
      fault: lattice.commitStall({ lattice: "lattice0", organism: "zipnet" }),
    },
  ],
  expect: [
    expectAlert("LatticeZipnetBroadcastsStalled")
      .withLabels({ organism: "zipnet", severity: "page" })
      .firesWithin(BROADCAST_WINDOWS.fires, { after: "fault" })
      .resolvesWithin(BROADCAST_WINDOWS.resolves),
    expectNoOtherAlerts(),
  ],
});
