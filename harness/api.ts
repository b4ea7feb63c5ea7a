/**
 * firedrill's public API: what a scenario file and firedrill.config.ts import (`from "firedrill"`).
 */

export { defineConfig } from "./project/define-config.ts";
export type { FiredrillConfig } from "./project/firedrill-config.ts";
export type { ScenarioDefinition } from "./scenario/define-scenario.ts";
export { defineScenario } from "./scenario/define-scenario.ts";
export type { AlertExpectation, FiringAlertExpectation } from "./scenario/expect-alert.ts";
export { expectAlert, expectNoOtherAlerts, expectSpans } from "./scenario/expect-alert.ts";
export { cognitora } from "./scenario/faults/cognitora.ts";
export { cosmictron } from "./scenario/faults/cosmictron.ts";
export { dsfb } from "./scenario/faults/dsfb.ts";
export { lattice } from "./scenario/faults/lattice.ts";
export { reactor } from "./scenario/faults/reactor.ts";
export { network, simHost, stack } from "./scenario/faults/watchers.ts";
export type {
  Duration,
  Expectation,
  FaultSpec,
  FaultStep,
  FleetShape,
  LabelMatch,
  Scenario,
} from "./scenario/types.ts";
