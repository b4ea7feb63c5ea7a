import type { LogLevel } from "../core/env-filter.ts";
import type { LogFields } from "../core/logger.ts";
import type { LatticeMetrics } from "./lattice-metrics.ts";
import type { Organism } from "./lattice-organisms.ts";

/** What a lattice's runtime needs of one member node (LatticeNode implements it). */
export interface LatticeMember {
  readonly id: string;
  readonly organism: Organism;
  /** Index within the organism, from 0. */
  readonly member: number;
  /** Neither crashed nor hung: the process does its work. */
  readonly running: boolean;
  readonly metrics: LatticeMetrics;
  /** Tally members: the chain head's age at the last RPC read, in seconds. */
  readonly chainLagSeconds: number;
  /** Writes one log line with the lattice, organism, role and slot fields. */
  log(level: LogLevel, target: string, message: string, fields?: LogFields): void;
}
