/**
 * firedrill's public API: what a scenario file and firedrill.config.ts import (`from "firedrill"`).
 */

import { faults } from "./scenario/faults/faults.ts";

export { defineConfig } from "./project/define-config.ts";
export type { FiredrillConfig } from "./project/firedrill-config.ts";
export type { ScenarioDefinition } from "./scenario/define-scenario.ts";
export { defineScenario } from "./scenario/define-scenario.ts";
export type { AlertExpectation, FiringAlertExpectation } from "./scenario/expect-alert.ts";
export { expectAlert, expectNoOtherAlerts, expectSpans } from "./scenario/expect-alert.ts";
export { expectSeparatePages } from "./scenario/expect-separate-pages.ts";
export { faults } from "./scenario/faults/faults.ts";
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

/**
 * The five original systems' fault namespaces by name (`cosmictron.walFsyncStall(...)`), as the
 * suite's scenarios import them; every system, a new one too, is `faults.<system>`.
 */
export const { cognitora, cosmictron, dsfb, lattice, reactor } = faults;
