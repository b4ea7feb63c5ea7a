import { defineScenario, expectNoOtherAlerts, reactor } from "firedrill";

// Noise: a brief 5xx blip under the 5% line — 5% of the data capability's requests fail for
// three minutes, about 2% of all requests. ReactorHighErrorRate must not page. Its twin just
// above the line is reactor-5xx-just-above-line.
export default defineScenario({
  name: "reactor-5xx-blip-noise",
  description: "A brief 5xx blip under the 5% line; nothing fires.",
  fleet: { reactor: { nodes: 2 } },
  duration: "14m",
  faults: [
    {
      id: "blip",
      at: "2m",
      heal: "5m",
      fault: reactor.http5xxBurst({ capability: "data", ratio: 0.05 }),
    },
  ],
  expect: [expectNoOtherAlerts()],
});
