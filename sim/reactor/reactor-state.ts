import type { Capability } from "./reactor-capabilities.ts";

/** What /health and /_admin/doctor read, from the same state the gauges publish. */
export interface ReactorState {
  readonly running: boolean;
  readonly unhealthy: ReadonlySet<Capability>;
  readonly poolExhausted: boolean;
  readonly poolMax: number;
  readonly queueDepth: number;
}
