import type { Heal } from "./fault-definition.ts";
import type { InProcessAnswer, InProcessRequest } from "./in-process-exchange.ts";

/** What a scraper sees of a node: answering, connection refused, or accepted and never answered. */
export type NodeState = "up" | "crashed" | "hung";

/** A node's metrics as GET /metrics answers them. */
export interface Exposition {
  readonly contentType: string;
  readonly body: string;
}

/** One simulated binary: its own HTTP listener, registry, tracer provider and workload. */
export interface SimNode {
  readonly id: string;
  /** Base URL of its HTTP listener, e.g. http://127.0.0.1:41001. */
  readonly url: string;
  /** The node's role within its system (cgn-router, ...); absent for systems with one kind. */
  readonly role?: string;
  readonly state: NodeState;
  /** Listens and starts the workload. */
  start(): Promise<void>;
  /** Closes the listener (connection refused); the heal restarts it on the same port. */
  crash(): Promise<Heal>;
  /** Accepts connections but answers nothing; the heal answers again. */
  hang(): Promise<Heal>;
  /** Exports finished spans now. */
  flushSpans(): Promise<void>;
  /** Stops the workload, flushes spans, closes the listener. */
  close(): Promise<void>;
  /** What GET /metrics answers now (virtual time reads it without HTTP); absent on test fakes. */
  exposition?(): Promise<Exposition>;
  /** Answers a request as its listener would, without a socket (virtual time); absent on fakes. */
  serve?(request: InProcessRequest): Promise<InProcessAnswer>;
}
