import { type Span, SpanKind, SpanStatusCode } from "@opentelemetry/api";
import type { Logger, LogSpan } from "../core/logger.ts";
import type { ModuleSpec, ReducerSpec } from "./cosmictron-modules.ts";
import type { CosmictronSecond } from "./cosmictron-second.ts";
import type { WalDevice } from "./cosmictron-wal.ts";

/** Share of reducer calls that fail normally: far below the 0.05/s per-series alert. */
const BASE_ERROR_RATIO = 0.002;
/** Reducer spans per fleet second (with the clients' 3 + 3, at most 20 in total). */
const REDUCER_SPANS = 14;

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
  /** The node's WAL: commits queue on its fsyncs. */
  readonly wal: WalDevice;
  /** Bytes a bulk import has this second's committed calls write, on top of their own rows. */
  readonly importBytes: number;
  nextTxId(): number;
  /** Adds the bytes a committed call wrote to the WAL, `imported` of them for a bulk import. */
  write(bytes: number, imported: number): void;
}

/** One drawn call of the second, before it runs. */
interface Call {
  readonly module: ModuleSpec;
  readonly reducer: ReducerSpec;
  readonly failed: boolean;
  readonly start: number;
  readonly exec: number;
}

/**
 * One fleet second of a Cosmictron node's reducer calls: Poisson calls per reducer, each a
 * transaction with its WAL write (or an error) committed through the WAL's group-commit fsyncs,
 * counted, sampled into spans and logged. Returns the rows changed by committed calls.
 */
export function reducerCalls(w: ReducerSecond): number {
  const random = w.random;
  const metrics = w.metrics;
  const errorRatio = Math.max(BASE_ERROR_RATIO, w.errorRatio ?? 0);
  const calls: Call[] = [];
  for (const module of w.modules) {
    for (const reducer of module.reducers) {
      const n = random.poisson(w.rates.get(reducer) ?? 0);
      for (let i = 0; i < n; i++) {
        const failed = random.chance(errorRatio);
        const start = w.from + random.next() * 1000;
        const exec = Math.min(0.25, Math.max(0.0002, random.logNormal(reducer.medianSeconds, 0.5)));
        calls.push({ module, reducer, failed, start, exec });
      }
    }
  }
  // Commits reach the WAL in time order; a bulk import's bytes ride on the committed calls.
  calls.sort((a, b) => a.start + a.exec * 1000 - (b.start + b.exec * 1000));
  const committed = calls.filter((c) => !c.failed).length;
  const importPerCall = committed > 0 ? Math.floor(w.importBytes / committed) : 0;
  const sample = Math.min(1, REDUCER_SPANS / Math.max(1, calls.length));
  let spans = 0;
  let rows = 0;
  let slowest = 0;
  for (const { module, reducer, failed, start, exec } of calls) {
    const labels = { module: module.name, reducer: reducer.name };
    const txId = w.nextTxId();
    const identity = random.pick(w.identities);
    // A committed call waits for its WAL fsync (and any queued ahead of it) before it returns.
    const commit = failed
      ? undefined
      : w.wal.commit(start + exec * 1000, random, {
          stallSeconds: w.stall,
          slowFsyncs: w.slowFsyncs,
        });
    const duration = exec + (commit?.waitSeconds ?? 0);
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
      const bytes = Math.round(changed * random.uniform(180, 900)) + importPerCall;
      rows += changed;
      metrics.walWrites.inc();
      metrics.walBytes.inc(bytes);
      metrics.signatures.inc();
      w.write(bytes, importPerCall);
      const fsync = commit?.fsyncSeconds;
      if (fsync !== undefined) {
        metrics.walFsync.observe(fsync);
        slowest = Math.max(slowest, fsync);
        w.log.trace("cosmictron_wal", "fsync complete", {
          tx_id: txId,
          bytes,
          duration_ms: Math.round(fsync * 1000),
        });
      }
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
