import type http from "node:http";
import type { Tracer } from "@opentelemetry/api";
import type { Clock } from "../core/clock.ts";
import type { SeededRandom } from "../core/seeded-random.ts";
import type { CognitoraDeployment } from "./cognitora-deployment.ts";
import type { CognitoraDirectory } from "./cognitora-directory.ts";
import type { CognitoraRole } from "./cognitora-role.ts";
import type { InFlight } from "./in-flight.ts";
import type { ServiceLog } from "./service-log.ts";

/** What every binary of a node is given. */
export interface BinaryContext {
  readonly id: string;
  readonly role: CognitoraRole;
  /** [cluster].node_id's 12-character prefix. */
  readonly nodeId: string;
  readonly clock: Clock;
  readonly random: SeededRandom;
  readonly log: ServiceLog;
  readonly tracer: Tracer;
  readonly directory: CognitoraDirectory;
  readonly deployment: CognitoraDeployment;
  /** The node's outstanding work, for tests that wait for quiet. */
  readonly inFlight: InFlight;
}

/** One Cognitora binary's behaviour behind its node's admin listener. */
export interface CognitoraBinary {
  /** The body GET /metrics answers, in the Prometheus text format. */
  exposition(): Promise<string>;
  /** Answers a request of the binary's own API; false when the path is not one of its. */
  handle(req: http.IncomingMessage, res: http.ServerResponse, path: string): Promise<boolean>;
  /** Starts the binary's timers; `restarted` after a crash (counters start over). */
  start(restarted: boolean): void;
  /** Stops the timers (hang, crash or shutdown). */
  pause(): void;
  /** Whether GET /readyz answers 200. */
  ready(): boolean;
  /** Share of the host's capacity in use, 0–1. */
  utilization(): number;
}
