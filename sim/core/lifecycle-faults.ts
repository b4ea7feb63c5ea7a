import type { FaultDefinition } from "./fault-definition.ts";
import type { SimNode } from "./sim-node.ts";

/**
 * The crash and hang faults every system has, named `<system>.node.crash` and `<system>.node.hang`.
 *
 * @example
 * const faults = [...cosmictronFaults, ...lifecycleFaults("cosmictron")];
 */
export function lifecycleFaults(system: string): FaultDefinition<SimNode>[] {
  return [
    {
      name: `${system}.node.crash`,
      description:
        "The process dies: the listener closes and open connections are reset, so scrapes get connection refused (up == 0). Heal restarts it on the same port with fresh counters.",
      params: [],
      apply: (node) => node.crash(),
    },
    {
      name: `${system}.node.hang`,
      description:
        "The process hangs: connections are accepted but never answered, so scrapes time out (up == 0). Heal makes it answer again.",
      params: [],
      apply: (node) => node.hang(),
    },
  ];
}
