import type { FaultParamSpec } from "../core/fault-param-spec.ts";
import { systems } from "../systems.ts";

/** One fault of one simulated system, as its definition describes it (without `apply`). */
export interface SystemFault {
  readonly system: string;
  readonly name: string;
  readonly description: string;
  /** The node roles it acts on; absent: every node of the system. */
  readonly roles?: readonly string[];
  readonly params: readonly FaultParamSpec[];
}

/**
 * Every fault of every simulated system, with its params: the definitions a started host serves
 * at GET /faults/catalogue (plus the roles they act on), without starting anything.
 *
 * @example
 * faultCatalogue().filter((f) => f.system === "cosmictron").map((f) => f.name);
 * // ["cosmictron.wal.fsync-stall", ...]
 */
export function faultCatalogue(): SystemFault[] {
  return [...systems]
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap(({ name: system, faults }) =>
      faults().map((d) => ({
        system,
        name: d.name,
        description: d.description,
        ...(d.roles !== undefined && { roles: d.roles }),
        params: d.params,
      })),
    );
}
