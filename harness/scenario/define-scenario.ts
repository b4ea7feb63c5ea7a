import { scenarioLocations } from "./scenario-locations.ts";
import type { Expectation, ExpectationSource, Scenario } from "./types.ts";

/** What a scenario file writes: like Scenario, but expectations may be fluent builders. */
export interface ScenarioDefinition extends Omit<Scenario, "expect"> {
  readonly expect: readonly (Expectation | ExpectationSource)[];
}

/**
 * Declares a scenario; a scenario file default-exports the result (or an array of them).
 * @example export default defineScenario({ name: "baseline", fleet: { cosmictron: { nodes: 3 } },
 *   duration: "30m", faults: [], expect: [expectNoOtherAlerts()] });
 */
export function defineScenario(definition: ScenarioDefinition): Scenario {
  const scenario = {
    ...definition,
    expect: definition.expect.map((e) => ("toExpectation" in e ? e.toExpectation() : e)),
  };
  // Reports (JUnit) point at this call.
  scenarioLocations.record(scenario, defineScenario);
  return scenario;
}
