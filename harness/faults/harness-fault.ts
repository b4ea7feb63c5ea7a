import type { OtlpSink } from "../observe/otlp-sink.ts";
import type { WebhookSink } from "../observe/webhook-sink.ts";
import type { SimFleet } from "../runner/sim-fleet.ts";
import type { FaultSpec } from "../scenario/types.ts";
import type { StartedStack } from "../stack/index.ts";
import type { ScrapeProxies } from "./scrape-proxies.ts";

/** What a harness fault may act on: the stack, the receivers, the fleet's processes, the network. */
export interface HarnessFaultContext {
  readonly stack: StartedStack;
  readonly webhook: WebhookSink;
  readonly otlp: OtlpSink;
  readonly fleets: ReadonlyMap<string, SimFleet>;
  /** Loopback proxies between Prometheus and each target (present when the scenario has net.* faults). */
  readonly proxies: ScrapeProxies | undefined;
}

/** One parameter of a harness fault, for `firedrill faults` and validation. */
export interface HarnessFaultParam {
  readonly name: string;
  readonly type: "number" | "string";
  readonly default?: number | string;
  readonly description: string;
}

/**
 * A fault of the watchers or of the path to them, carried out by the harness itself rather than
 * by the sim: restart Prometheus, make a receiver fail, slow or cut a scrape, kill a sim host.
 */
export interface HarnessFault {
  /** Names start with stack., receiver., net. or process. */
  readonly name: string;
  readonly description: string;
  readonly params: readonly HarnessFaultParam[];
  /** Applies the fault; resolves to the function that heals it. */
  apply(context: HarnessFaultContext, fault: FaultSpec): Promise<() => Promise<void>>;
}

/** The prefixes that mark a harness fault (anything else is a sim fault named after its system). */
export const HARNESS_FAULT_PREFIXES = ["stack.", "receiver.", "net.", "process."] as const;

/** Whether a fault name is the harness's to carry out. */
export function isHarnessFault(name: string): boolean {
  return HARNESS_FAULT_PREFIXES.some((p) => name.startsWith(p));
}
