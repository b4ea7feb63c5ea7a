import { defineFault } from "../core/define-fault.ts";
import type { FaultDefinition } from "../core/fault-definition.ts";
import { lifecycleFaults } from "../core/lifecycle-faults.ts";
import type { Capability } from "./reactor-capabilities.ts";
import { reactorFaultSchema as schema } from "./reactor-fault-schema.ts";
import type { ReactorNode } from "./reactor-node.ts";

/**
 * Reactor's faults as the sim applies them: each schema entry of reactor-fault-schema.ts bound
 * to the node method that carries it out, plus the node crash and hang every system has.
 *
 * @example
 * reactorFaults().map((f) => f.name); // ["reactor.http.5xx-burst", ...]
 */
export function reactorFaults(): FaultDefinition<ReactorNode>[] {
  return [
    defineFault(schema.http5xxBurst, (node: ReactorNode, params) =>
      node.errorBurst({
        capability: params.string("capability") as Capability | "all",
        ratio: params.number("ratio"),
      }),
    ),
    defineFault(schema.jobsBacklog, (node: ReactorNode, params) =>
      node.stallJobWorkers(params.number("slowdown")),
    ),
    defineFault(schema.dbPoolExhausted, (node: ReactorNode, params) =>
      node.slowDbQueries(params.number("querySeconds")),
    ),
    defineFault(schema.capabilityUnhealthy, (node: ReactorNode, params) =>
      node.failCapability(params.string("capability") as Capability),
    ),
    ...lifecycleFaults("reactor"),
  ];
}
