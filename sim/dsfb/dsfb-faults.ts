import { defineFault } from "../core/define-fault.ts";
import type { FaultDefinition } from "../core/fault-definition.ts";
import { lifecycleFaults } from "../core/lifecycle-faults.ts";
import { dsfbFaultSchema as schema } from "./dsfb-fault-schema.ts";
import type { DsfbNode } from "./dsfb-node.ts";

/**
 * The DSFB exporter's faults as the sim applies them: each schema entry of dsfb-fault-schema.ts
 * bound to the node method that carries it out, plus the node crash and hang every system has.
 *
 * @example
 * dsfbFaults().map((f) => f.name); // ["dsfb.ingest.out-of-window", "dsfb.observer.trust-drift", ...]
 */
export function dsfbFaults(): FaultDefinition<DsfbNode>[] {
  return [
    defineFault(schema.ingestOutOfWindow, (node: DsfbNode, params) =>
      node.delayResiduals(params.number("share"), params.number("lagSeconds")),
    ),
    defineFault(schema.observerTrustDrift, (node: DsfbNode, params) =>
      node.driftTrust(params.number("offset")),
    ),
    ...lifecycleFaults("dsfb"),
  ];
}
