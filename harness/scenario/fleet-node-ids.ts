import { topologyRegistry } from "../../sim/index.ts";
import { InputError } from "../errors.ts";
import type { FleetShape } from "./types.ts";

/** The node ids a fleet shape gives, by system, before ports are chosen. */
export function fleetNodeIds(fleet: FleetShape): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [system, shape] of Object.entries(fleet)) {
    if (shape === undefined) continue;
    const topology = topologyRegistry.get(system);
    if (!topology) {
      throw new InputError(
        `Unknown system "${system}" in the fleet. Known systems: ${[...topologyRegistry.keys()].join(", ")}.`,
      );
    }
    out.set(
      system,
      topology.nodes(shape as Record<string, number>).map((n) => n.id),
    );
  }
  return out;
}
