import type { Scenario } from "../scenario/types.ts";

/**
 * Why a scenario cannot be judged in virtual time, or undefined when it can: spans go through
 * the OpenTelemetry Collector, which virtual time does not run.
 */
export function virtualSkipReason(scenario: Scenario): string | undefined {
  if (scenario.expect.some((e) => e.kind === "spans-arrive")) {
    return "it expects spans through the OpenTelemetry Collector (expectSpans), which virtual time does not run; run it with --time live";
  }
  if (scenario.faults.some((f) => f.fault.name === "stack.collector.restart")) {
    return "it restarts the OpenTelemetry Collector, which virtual time does not run; run it with --time live";
  }
  return undefined;
}
