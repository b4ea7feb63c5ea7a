import { cognitoraFaults } from "../cognitora/cognitora-faults.ts";
import { EngineUpstream } from "../cognitora/engine-upstream.ts";
import { VirtualClock } from "../core/clock.ts";
import type { FaultDefinition, FaultParamSpec } from "../core/fault-definition.ts";
import { SeededRandom } from "../core/seeded-random.ts";
import { cosmictronFaults } from "../cosmictron/cosmictron-faults.ts";
import { dsfbFaults } from "../dsfb/dsfb-faults.ts";
import { ChainRpc } from "../lattice/chain-rpc.ts";
import { latticeFaults } from "../lattice/lattice-faults.ts";
import { reactorFaults } from "../reactor/reactor-faults.ts";

/** One fault of one simulated system, as its definition describes it (without `apply`). */
export interface SystemFault {
  readonly system: string;
  readonly name: string;
  readonly description: string;
  /** The node roles it acts on; absent: every node of the system. */
  readonly roles?: readonly string[];
  readonly params: readonly FaultParamSpec[];
}

/** Fails a catalogue-only fault that something tried to apply. */
function catalogOnly(): never {
  throw new TypeError("A fault from faultCatalog() cannot be applied: start the system instead.");
}

/**
 * Each system's fault definitions, built with inert dependencies: the factories use them only in
 * `apply`, which a catalogue never calls, so nothing listens and no timer runs.
 */
const definitions: Readonly<Record<string, () => readonly FaultDefinition<never>[]>> = {
  cognitora: () => cognitoraFaults(new EngineUpstream({ random: new SeededRandom(0) })),
  cosmictron: () => cosmictronFaults(new VirtualClock()),
  dsfb: () => dsfbFaults(),
  lattice: () => latticeFaults(catalogOnly, new ChainRpc({ clock: new VirtualClock() })),
  reactor: () => reactorFaults(),
};

/**
 * Every fault of every simulated system, with its params: the definitions a started host serves
 * at GET /faults/catalog (plus the roles they act on), without starting anything.
 *
 * @example
 * faultCatalog().filter((f) => f.system === "cosmictron").map((f) => f.name);
 * // ["cosmictron.wal.fsync-stall", ...]
 */
export function faultCatalog(): SystemFault[] {
  return Object.keys(definitions)
    .sort()
    .flatMap((system) =>
      definitions[system]!().map((d) => ({
        system,
        name: d.name,
        description: d.description,
        ...(d.roles !== undefined && { roles: d.roles }),
        params: d.params,
      })),
    );
}
