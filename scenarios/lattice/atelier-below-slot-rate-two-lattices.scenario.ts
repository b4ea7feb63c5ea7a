import {
  defineScenario,
  expectAlert,
  expectNoOtherAlerts,
  expectSeparatePages,
  lattice,
} from "firedrill";
import { ONE_MINUTE_WINDOW_CLEARS } from "./lattice-expectations.ts";

const PAGE = "LatticeAtelierCandidatesBelowSlotRate";

/** atelier of `name` stops committing from 2m to 8m. */
const stall = (id: string, name: string) => ({
  id,
  at: "2m",
  heal: "8m",
  fault: lattice.commitStall({ lattice: name, organism: "atelier" }),
});

/** The lattice's own page: fires after its stall, reaches the pager, resolves after the heal. */
const pages = (name: string, after: string) =>
  expectAlert(PAGE)
    .withLabels({ lattice: name, organism: "atelier", severity: "page" })
    .firesWithin("5m", { after })
    .deliveredTo("pager")
    .resolvesWithin(ONE_MINUTE_WINDOW_CLEARS);

// Two lattices' atelier stall at once. Their page is aggregated `by (lattice, organism)` and carries
// no node, so a group_by of [alertname, node] puts both in one Alertmanager group and the pager
// gets one notification for two lattices (issue 12); each lattice must page on its own.
export default defineScenario({
  name: "lattice-atelier-below-slot-rate-two-lattices",
  description:
    "atelier stalls in two lattices at once; each lattice pages in its own notification.",
  fleet: { lattice: { lattices: 2, members: 3 } },
  duration: "20m",
  faults: [stall("stall0", "lattice0"), stall("stall1", "lattice1")],
  expect: [
    pages("lattice0", "stall0"),
    pages("lattice1", "stall1"),
    expectSeparatePages(PAGE, { by: ["lattice"], labels: { severity: "page" } }),
    expectNoOtherAlerts(),
  ],
});
