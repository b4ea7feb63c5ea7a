import { cosmictron, defineScenario, expectAlert, expectNoOtherAlerts } from "firedrill";

// Just longer than `for`: cosmictron-2 is down for 2m10s, against CosmictronNoLiveness's
// `for: 1m` plus a 15 s scrape (the first failed scrape), a 15 s evaluation (the first that sees
// it) and the route's 30 s group_wait (an alert resolved before its group is first flushed is
// never sent), 2m in all, with 10 s to spare: it must page. Its twin shorter than `for` is
// cosmictron-node-crash-blip-noise (45 s).
export default defineScenario({
  name: "cosmictron-node-crash-just-over-for",
  description: "cosmictron-2 is down for 2m10s, just longer than `for: 1m`; it pages.",
  fleet: { cosmictron: { nodes: 3 } },
  duration: "9m",
  faults: [
    { id: "crash", at: "1m", heal: "3m10s", fault: cosmictron.nodeCrash({ node: "cosmictron-2" }) },
  ],
  expect: [
    expectAlert("CosmictronNoLiveness")
      .withLabels({ node: "cosmictron-2", severity: "critical" })
      .firesWithin("1m45s", { after: "crash" })
      .deliveredTo("pager")
      .resolvesWithin("1m"),
    expectNoOtherAlerts(),
  ],
});
