import { type TopologyNode, topologyRegistry } from "../../sim/index.ts";
import { InputError } from "../errors.ts";
import type { FleetShape } from "./types.ts";

/** The nodes (id and role) a fleet shape gives, by system, before ports are chosen. */
export function fleetNodes(fleet: FleetShape): Map<string, TopologyNode[]> {
  const out = new Map<string, TopologyNode[]>();
  for (const [system, shape] of Object.entries(fleet)) {
    if (shape === undefined) continue;
    const topology = topologyRegistry.get(system);
    if (!topology) {
      throw new InputError(
        `Unknown system "${system}" in the fleet. Known systems: ${[...topologyRegistry.keys()].join(", ")}.`,
      );
    }
    for (const [field, value] of Object.entries(shape as Record<string, unknown>)) {
      const spec = topology.shape.find((f) => f.name === field);
      if (!spec) {
        throw new InputError(
          `${system}.${field} is not a field of the ${system} fleet (fields: ${topology.shape.map((f) => f.name).join(", ")}).`,
        );
      }
      if (!Number.isInteger(value) || (value as number) < spec.min) {
        throw new InputError(
          `${system}.${field} must be a whole number of at least ${spec.min} (got ${JSON.stringify(value)}).`,
        );
      }
    }
    out.set(system, topology.nodes(shape as Record<string, number>));
  }
  return out;
}

/** The node ids a fleet shape gives, by system, before ports are chosen. */
export function fleetNodeIds(fleet: FleetShape): Map<string, string[]> {
  return new Map([...fleetNodes(fleet)].map(([system, nodes]) => [system, nodes.map((n) => n.id)]));
}
