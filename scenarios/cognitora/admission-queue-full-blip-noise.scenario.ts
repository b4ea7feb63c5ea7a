import { cognitora, defineScenario, expectNoOtherAlerts } from "firedrill";

// Noise shorter than the rule's `for`: a 90 s traffic surge (25x) through cgn-router-0 outgrows
// its admission queue, which refuses about half of its requests as queue_full while it lasts.
// The 2m rate window keeps the refusals in sight until about 2m after the heal, so CognitoraAdmissionQueueFull is pending for about 3m (t=2m09s to t=5m24s in virtual
// time), against its `for: 5m`: it must drop without paging. A rule whose `for` was cut to 100 s
// or removed would page. Its twin longer than `for` is cognitora-admission-queue-full (8m); its
// twin just longer than `for` is cognitora-admission-queue-full-just-over-for (5m).
export default defineScenario({
  name: "cognitora-admission-queue-full-blip-noise",
  description:
    "A 90 s surge fills cgn-router-0's admission queue, shorter than `for: 5m`; nothing pages.",
  fleet: { cognitora: { routers: 2, agents: 3, kvcached: 1 } },
  duration: "8m",
  faults: [
    {
      id: "queue",
      at: "2m",
      heal: "3m30s",
      fault: cognitora.admissionQueueFull({ node: "cgn-router-0" }),
    },
  ],
  expect: [expectNoOtherAlerts()],
});
