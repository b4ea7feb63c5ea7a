import type { SystemName } from "../../../sim/index.ts";
import type { FaultSpec } from "../types.ts";

/**
 * Faults of the watchers themselves, carried out by the harness: restart a component of the
 * stack in the middle of a drill, or make a receiver fail for a while.
 */
export const stack = {
  /** Stops and starts Prometheus, Alertmanager or the Collector with the same config and data. */
  restart: (component: "prometheus" | "alertmanager" | "collector"): FaultSpec => ({
    name: `stack.${component}.restart`,
  }),
  /** The receiver's webhook answers 500 until the heal. */
  receiverOutage: (receiver: string): FaultSpec => ({
    name: "receiver.outage",
    params: { receiver },
  }),
};

/**
 * Faults of the path between Prometheus and one node: a loopback proxy in front of the node
 * changes what it does, like Toxiproxy's toxics.
 */
export const network = {
  /** Every scrape of `node` is delayed by `seconds` (fleet time, default 5) each way. */
  latency: (o: { node: string; seconds?: number }): FaultSpec => ({
    name: "net.latency",
    target: o.node,
    params: o.seconds === undefined ? {} : { seconds: o.seconds },
  }),
  /** Scrapes of `node` are accepted and never answered, so they time out. */
  timeout: (o: { node: string }): FaultSpec => ({ name: "net.timeout", target: o.node }),
  /** Connections to `node` are reset. */
  reset: (o: { node: string }): FaultSpec => ({ name: "net.reset", target: o.node }),
  /** The path to `node` is cut: connection refused. */
  blackhole: (o: { node: string }): FaultSpec => ({ name: "net.blackhole", target: o.node }),
};

/** The sim host process of a system dies for real (SIGKILL); the heal starts it again. */
export const simHost = {
  kill: (system: SystemName): FaultSpec => ({
    name: "process.kill",
    params: { system },
  }),
};
