/**
 * The crash and hang faults every system has, named `<system>.node.crash` and `<system>.node.hang`,
 * as schema entries to spread into a system's fault schema.
 *
 * @example
 * export const demoFaultSchema = { ...demoModelFaults, ...lifecycleFaultSchema("demo") } as const;
 */
export function lifecycleFaultSchema<const System extends string>(system: System) {
  return {
    /** The node's listener closes (connection refused); the heal restarts it on the same port. */
    nodeCrash: {
      name: `${system}.node.crash`,
      description:
        "The process dies: the listener closes and open connections are reset, so scrapes get connection refused (up == 0). Heal restarts it on the same port with fresh counters.",
      params: {},
    },
    /** The node accepts connections and never answers, so scrapes time out. */
    nodeHang: {
      name: `${system}.node.hang`,
      description:
        "The process hangs: connections are accepted but never answered, so scrapes time out (up == 0). Heal makes it answer again.",
      params: {},
    },
  } as const;
}
