import { defineScenario, expectNoOtherAlerts, network } from "firedrill";

// Noise: the path to cosmictron-0 adds 3 s each way for ten minutes. Scrapes take ~6 s, inside
// the 10 s scrape timeout, so `up` stays 1 and nothing may page.
export default defineScenario({
  name: "network-slow-scrape-noise",
  description: "Scrapes of cosmictron-0 are slow but inside the timeout; nothing fires.",
  fleet: { cosmictron: { nodes: 3 } },
  duration: "14m",
  faults: [
    {
      id: "slow",
      at: "2m",
      heal: "12m",
      fault: network.latency({ node: "cosmictron-0", seconds: 3 }),
    },
  ],
  expect: [expectNoOtherAlerts()],
});
