import { defineScenario, expectNoOtherAlerts } from "firedrill";

// A quiet fleet for the telemetry conformance test: it only has to stay up while the test looks.
export default defineScenario({
  name: "telemetry",
  fleet: { cosmictron: { nodes: 2 } },
  duration: "2m",
  faults: [],
  expect: [expectNoOtherAlerts()],
});
