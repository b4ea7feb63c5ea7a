import { SeededRandom } from "../core/seeded-random.ts";
import type { SystemDefinition } from "../core/system-definition.ts";
import { reactorAdminToken } from "./reactor-admin-token.ts";
import { generateDeployment } from "./reactor-deployment.ts";
import { reactorFaults } from "./reactor-faults.ts";
import { ReactorNode } from "./reactor-node.ts";

/**
 * Reactor as a sim host runs it: the deployment (tenants, users, functions) comes from the host
 * seed, so every node of the shared cluster serves the same one; each node's workload from the
 * seed and its id. The admin token is REACTOR_ADMIN_TOKEN from the host's environment, else
 * reactorAdminToken(seed).
 *
 * @example
 * const system = await reactorSystem.start({ seed: 42, clock, logger, otlpEndpoint: undefined });
 * const node = system.createNode({ id: "reactor-0", port: 0 });
 */
export const reactorSystem: SystemDefinition<ReactorNode> = {
  name: "reactor",
  logFilterEnv: "REACTOR_TRACING__FILTER",
  logFormatEnv: "REACTOR_TRACING__FMT",
  async start(context) {
    const root = new SeededRandom(context.seed);
    const deployment = generateDeployment(root.derive("reactor/deployment"));
    const fromEnv = process.env.REACTOR_ADMIN_TOKEN;
    const adminToken = fromEnv ? fromEnv : reactorAdminToken(context.seed);
    return {
      faults: reactorFaults(),
      createNode: (spec) =>
        new ReactorNode({
          id: spec.id,
          port: spec.port,
          clock: context.clock,
          random: root.derive(`reactor/node/${spec.id}`),
          deployment,
          logger: context.logger.forNode(spec.id),
          adminToken,
        }),
      close: async () => {},
    };
  },
};
