import { defineScenario, expectNoOtherAlerts, lattice } from "firedrill";
import { redLine } from "./lattice-expectations.ts";

// The rule's other half: a zipnet server whose exporter cannot be scraped counts as down too
// (`up{job="lattice", organism="zipnet"} == 0`). Member 0's process dies, so nothing reports
// zipnet_server_up for it; after `for: 1m` LatticeZipnetServerDown pages. The two other members
// keep the organism's Raft majority, so nothing else fires.
export default defineScenario({
  name: "lattice-zipnet-exporter-crash",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "14m",
  faults: [
    { id: "fault", at: "2m", heal: "6m", fault: lattice.nodeCrash({ node: "lattice0-zipnet-0" }) },
  ],
  expect: [
    redLine("LatticeZipnetServerDown", "page", { organism: "zipnet" }),
    expectNoOtherAlerts(),
  ],
});
