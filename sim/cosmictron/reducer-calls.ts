import { type Span, SpanKind, SpanStatusCode } from "@opentelemetry/api";
import type { Logger, LogSpan } from "../core/logger.ts";
import type { SeededRandom } from "../core/seeded-random.ts";
import type { ModuleSpec, ReducerSpec } from "./cosmictron-modules.ts";
import type { CosmictronSecond } from "./cosmictron-second.ts";

/** Share of reducer calls that fail normally: far below the 0.05/s per-series alert. */
const BASE_ERROR_RATIO = 0.002;
/** Reducer spans per fleet second (with the clients' 3 + 3, at most 20 in total). */
const REDUCER_SPANS = 14;

/** Draws the fsync latency of one commit: 1–20 ms normally, around the stall when stalled. */
function fsyncSeconds(random: SeededRandom, stall: number | undefined): number {
  if (stall !== undefined) return stall * random.uniform(0.85, 1.15);
  return Math.min(0.02, Math.max(0.001, random.logNormal(0.004, 0.5)));
}

/** Trace context of a span for log lines. */
function logSpan(name: string, span: Span | undefined): LogSpan | undefined {
  if (!span) return undefined;
  const { traceId, spanId } = span.spanContext();
  return { name, traceId, spanId };
}

/** What one second of reducer calls needs from its node, and the faults acting on it. */
export interface ReducerSecond extends CosmictronSecond {
  readonly log: Logger;
  readonly modules: readonly ModuleSpec[];
  readonly rates: ReadonlyMap<ReducerSpec, number>;
  /** The injected error-burst ratio, if any. */
  readonly errorRatio: number | undefined;
  /** The injected fsync stall (seconds), if any. */
  readonly stall: number | undefined;
  /** Single slow fsyncs still to come; this second's calls use them up. */
  readonly slowFsyncs: { left: number; seconds: number };
  readonly pendingSegments: number;
  nextTxId(): number;
  /** Adds the bytes a committed call wrote to the data directory. */
  grow(bytes: number): void;
}

/**
 * One fleet second of a Cosmictron node's reducer calls: Poisson calls per reducer, each a
 * transaction with its WAL write and fsync (or an error), counted, sampled into spans and
 * logged. Returns the rows changed by committed calls.
 */
export function reducerCalls(w: ReducerSecond): number {
  const from = w.from;
  const random = w.random;
  const metrics = w.metrics;
  const errorRatio = Math.max(BASE_ERROR_RATIO, w.errorRatio ?? 0);
  const stall = w.stall;
  const calls: [ModuleSpec, ReducerSpec][] = [];
  for (const module of w.modules) {
    for (const reducer of module.reducers) {
      const n = random.poisson(w.rates.get(reducer) ?? 0);
      for (let i = 0; i < n; i++) calls.push([module, reducer]);
    }
  }
  const sample = Math.min(1, REDUCER_SPANS / Math.max(1, calls.length));
  let spans = 0;
  let rows = 0;
  let slowest = 0;
  for (const [module, reducer] of calls) {
    const labels = { module: module.name, reducer: reducer.name };
    const failed = random.chance(errorRatio);
    const txId = w.nextTxId();
    const identity = random.pick(w.identities);
    const exec = Math.min(0.25, Math.max(0.0002, random.logNormal(reducer.medianSeconds, 0.5)));
    let fsync = failed ? 0 : fsyncSeconds(random, stall);
    if (!failed && w.slowFsyncs.left > 0) {
      w.slowFsyncs.left--;
      fsync = w.slowFsyncs.seconds;
    }
    const duration = exec + fsync;
    const start = from + random.next() * 1000;
    const name = `reducer ${reducer.name}`;
    let span: Span | undefined;
    if (spans < REDUCER_SPANS && random.chance(sample)) {
      spans++;
      span = w.tracer.startSpan(name, {
        kind: SpanKind.SERVER,
        startTime: start,
        attributes: {
          "db.system": "cosmictron",
          "cosmictron.module": module.name,
          "cosmictron.reducer": reducer.name,
          "cosmictron.identity": identity,
          "cosmictron.tx_id": txId,
        },
      });
    }
    metrics.reducerCalls.inc({ ...labels, status: failed ? "error" : "ok" });
    metrics.reducerDuration.observe(labels, duration);
    metrics.reducerFuel.observe(labels, Math.round(random.logNormal(reducer.medianFuel, 0.4)));
    if (failed) {
      span?.setStatus({ code: SpanStatusCode.ERROR, message: "reducer returned an error" });
      w.log.warn(
        "cosmictron_core",
        "reducer call failed",
        {
          module: module.name,
          reducer: reducer.name,
          tx_id: txId,
          identity,
          error: "reducer returned Err: constraint violated",
        },
        logSpan(name, span),
      );
    } else {
      const changed = Math.max(1, Math.round(random.logNormal(reducer.rowsPerCall, 0.4)));
      const bytes = Math.round(changed * random.uniform(180, 900));
      rows += changed;
      metrics.walWrites.inc();
      metrics.walBytes.inc(bytes);
      metrics.walFsync.observe(fsync);
      metrics.signatures.inc();
      w.grow(bytes);
      slowest = Math.max(slowest, fsync);
      w.log.trace("cosmictron_wal", "fsync complete", {
        tx_id: txId,
        bytes,
        duration_ms: Math.round(fsync * 1000),
      });
      w.log.debug(
        "cosmictron_core",
        "reducer call committed",
        {
          module: module.name,
          reducer: reducer.name,
          tx_id: txId,
          duration_ms: +(duration * 1000).toFixed(3),
        },
        logSpan(name, span),
      );
    }
    span?.end(start + duration * 1000);
  }
  if (slowest > 0.5) {
    w.log.warn("cosmictron_wal", "fsync latency high", {
      max_ms: Math.round(slowest * 1000),
      pending_segments: w.pendingSegments,
    });
  }
  return rows;
}
