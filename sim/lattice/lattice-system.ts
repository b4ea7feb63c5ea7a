import { SeededRandom } from "../core/seeded-random.ts";
import type { SystemDefinition } from "../core/system-definition.ts";
import { ChainRpc } from "./chain-rpc.ts";
import { ChainRpcClient } from "./chain-rpc-client.ts";
import { latticeFaults } from "./lattice-faults.ts";
import { LatticeNode } from "./lattice-node.ts";
import { parseLatticeNodeId } from "./lattice-node-id.ts";
import { LatticeRuntime } from "./lattice-runtime.ts";

/**
 * The lattice of organisms on the mosaik runtime as a sim host runs it: one LatticeRuntime per
 * lattice named by the node ids (slot clock, Raft groups, pipeline), one node per member, and the
 * chain RPC tally reads answered in-process by msw.
 *
 * @example
 * const system = await latticeSystem.start({ seed: 42, clock, logger, otlpEndpoint: undefined });
 * const node = system.createNode({ id: "lattice0-zipnet-0", port: 0 });
 */
export const latticeSystem: SystemDefinition<LatticeNode> = {
  name: "lattice",
  async start(context) {
    const root = new SeededRandom(context.seed);
    const rpc = new ChainRpc({ clock: context.clock });
    rpc.listen();
    const runtimes = new Map<string, LatticeRuntime>();
    const runtimeFor = (lattice: string): LatticeRuntime => {
      let runtime = runtimes.get(lattice);
      if (!runtime) {
        runtime = new LatticeRuntime({
          name: lattice,
          clock: context.clock,
          random: root.derive(`lattice/${lattice}`),
        });
        runtimes.set(lattice, runtime);
      }
      return runtime;
    };
    return {
      faults: latticeFaults((node) => runtimeFor(node.lattice), rpc),
      createNode: (spec) => {
        const { lattice } = parseLatticeNodeId(spec.id);
        return new LatticeNode({
          id: spec.id,
          port: spec.port,
          clock: context.clock,
          runtime: runtimeFor(lattice),
          logger: context.logger.forNode(spec.id),
          rpc: new ChainRpcClient({
            url: ChainRpc.url,
            headers: { [ChainRpc.latticeHeader]: lattice, "user-agent": `tally/${spec.id}` },
          }),
        });
      },
      close: async () => {
        for (const runtime of runtimes.values()) runtime.stop();
        rpc.close();
      },
    };
  },
};
