import type { Tracer } from "@opentelemetry/api";
import type { SeededRandom } from "../core/seeded-random.ts";
import type { CosmictronMetrics } from "./cosmictron-metrics.ts";

/**
 * What every part of one fleet second of a Cosmictron node's traffic (its reducer calls, its
 * clients) needs from the node: where the second starts, the node's generator, metrics and
 * tracer, and the identities its callers have.
 */
export interface CosmictronSecond {
  /** Fleet ms at which the second starts. */
  readonly from: number;
  readonly random: SeededRandom;
  readonly metrics: CosmictronMetrics;
  readonly tracer: Tracer;
  readonly identities: readonly string[];
}
