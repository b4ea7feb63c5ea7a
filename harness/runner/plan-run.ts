import { fleetNodeIds } from "../scenario/fleet-nodes.ts";
import type { FleetShape } from "../scenario/types.ts";
import type { StackPorts } from "../stack/index.ts";
import { checkPortFree, freePorts } from "../stack/index.ts";
import { type PlannedSystem, planFleet } from "./plan-fleet.ts";

/** What a run will use, chosen before anything starts: ports and the fleet's nodes. */
export interface RunPlan {
  readonly stackPorts: StackPorts;
  readonly fleet: readonly PlannedSystem[];
  /** Whether the scenario has net.* faults, which act on a proxy in front of every node. */
  readonly proxied: boolean;
  /** Hands out the remaining free ports (proxies, the sim hosts' control servers). */
  readonly takePort: () => number;
}

/** What the plan stage needs besides the fleet. */
export interface PlanRunOptions {
  /** A scrape proxy in front of every node (for net.* faults). */
  readonly proxied: boolean;
  /** Ports the user fixed for the UIs; every other port is free-chosen. */
  readonly fixedPorts?: { readonly prometheus?: number; readonly alertmanager?: number };
}

/**
 * The plan stage of a run (or a rehearsal): checks the fixed ports are free and picks every
 * other port (stack, fleet, proxies, control servers) at once, then places the fleet's nodes on
 * them.
 */
export async function planRun(fleet: FleetShape, options: PlanRunOptions): Promise<RunPlan> {
  const { proxied, fixedPorts: fixed = {} } = options;
  if (fixed.prometheus !== undefined) await checkPortFree(fixed.prometheus, "prometheus");
  if (fixed.alertmanager !== undefined) await checkPortFree(fixed.alertmanager, "alertmanager");
  const nodeCount = [...fleetNodeIds(fleet).values()].reduce((n, ids) => n + ids.length, 0);
  const systems = Object.values(fleet).filter((shape) => shape !== undefined);
  const ports = await freePorts(nodeCount * (proxied ? 2 : 1) + systems.length + 7);
  const takePort = () => ports.shift()!;
  const stackPorts = {
    prometheus: fixed.prometheus ?? takePort(),
    alertmanager: fixed.alertmanager ?? takePort(),
    alertmanagerCluster: takePort(),
    collectorOtlpGrpc: takePort(),
    collectorOtlpHttp: takePort(),
    collectorPrometheus: takePort(),
    collectorTelemetry: takePort(),
  };
  return { stackPorts, fleet: planFleet(fleet, takePort), proxied, takePort };
}
