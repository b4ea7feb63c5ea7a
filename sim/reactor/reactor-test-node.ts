import type { VirtualClock } from "../core/clock.ts";
import type { Logger } from "../core/logger.ts";
import { SeededRandom } from "../core/seeded-random.ts";
import { generateDeployment } from "./reactor-deployment.ts";
import { ReactorNode } from "./reactor-node.ts";

/**
 * A lone Reactor node for the node's own tests: reactor-0 on any free port, its random and its
 * deployment derived from `seed`, guarded by `adminToken`. Not started.
 */
export function reactorTestNode(options: {
  readonly clock: VirtualClock;
  readonly seed: string | number;
  readonly logger: Logger;
  readonly adminToken: string;
}): ReactorNode {
  const random = new SeededRandom(options.seed);
  return new ReactorNode({
    id: "reactor-0",
    port: 0,
    clock: options.clock,
    random: random.derive("node"),
    deployment: generateDeployment(random.derive("deployment")),
    logger: options.logger,
    adminToken: options.adminToken,
  });
}
