import { SeededRandom } from "../core/seeded-random.ts";
import type { SystemDefinition } from "../core/system-definition.ts";
import { cosmictronFaults } from "./cosmictron-faults.ts";
import { generateModules } from "./cosmictron-modules.ts";
import { CosmictronNode } from "./cosmictron-node.ts";
import { TsaAuthority } from "./tsa-authority.ts";

/**
 * Cosmictron as a sim host runs it: the modules come from the host seed (every node runs the same
 * deployment), each node's workload from the seed and its id, and the timestamp authority is
 * answered in-process by msw.
 *
 * @example
 * const system = await cosmictronSystem.start({ seed: 42, clock, logger, otlpEndpoint: undefined });
 * const node = system.createNode({ id: "cosmictron-0", port: 0 });
 */
export const cosmictronSystem: SystemDefinition<CosmictronNode> = {
  name: "cosmictron",
  async start(context) {
    const root = new SeededRandom(context.seed);
    const modules = generateModules(root.derive("cosmictron/modules"));
    const tsa = new TsaAuthority({ clock: context.clock });
    tsa.listen();
    return {
      faults: cosmictronFaults(context.clock),
      createNode: (spec) =>
        new CosmictronNode({
          id: spec.id,
          port: spec.port,
          clock: context.clock,
          random: root.derive(`cosmictron/node/${spec.id}`),
          modules,
          logger: context.logger.forNode(spec.id),
          tsa,
          otlpEndpoint: context.otlpEndpoint,
        }),
      close: async () => tsa.close(),
    };
  },
};
