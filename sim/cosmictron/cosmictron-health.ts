import type { ModuleSpec } from "./cosmictron-modules.ts";
import type { WorkloadHealth } from "./cosmictron-workload.ts";

/** The JSON body of GET /v1/health/detailed, in the document's shape. */
export interface DetailedHealth {
  readonly status: "healthy" | "degraded" | "unhealthy";
  readonly wal: {
    readonly status: "ok" | "degraded" | "uninitialized";
    readonly pending_segments: number;
  };
  readonly storage: {
    readonly status: "ok" | "degraded" | "full";
    readonly pages: number;
    readonly bytes_used: number;
  };
  readonly modules: readonly {
    readonly name: string;
    readonly status: "active" | "degraded";
    readonly reducers: number;
  }[];
  readonly subscriptions: { readonly active: number };
  readonly uptime_secs: number;
}

/** Storage above this share of the disk is unhealthy: readiness fails. */
const STORAGE_FULL_RATIO = 0.95;
/** Storage above this share is degraded (the "Storage near full" alert's threshold). */
const STORAGE_HIGH_RATIO = 0.85;

/**
 * Builds /v1/health/detailed from the workload's state; `ready` is what /v1/health/ready answers.
 *
 * @example
 * const { body, ready } = detailedHealth(workload.health(), modules, { tsaDegraded: false });
 */
export function detailedHealth(
  state: WorkloadHealth,
  modules: readonly ModuleSpec[],
  extra: { tsaDegraded: boolean },
): { body: DetailedHealth; ready: boolean } {
  const walStatus = !state.walInitialized ? "uninitialized" : state.walDegraded ? "degraded" : "ok";
  const storageStatus =
    state.storageRatio > STORAGE_FULL_RATIO
      ? "full"
      : state.storageRatio > STORAGE_HIGH_RATIO
        ? "degraded"
        : "ok";
  const ready = state.walInitialized && storageStatus !== "full";
  const degraded =
    walStatus !== "ok" || storageStatus !== "ok" || state.errorBurst || extra.tsaDegraded;
  return {
    ready,
    body: {
      status: !ready ? "unhealthy" : degraded ? "degraded" : "healthy",
      wal: { status: walStatus, pending_segments: state.pendingSegments },
      storage: { status: storageStatus, pages: state.pages, bytes_used: state.bytesUsed },
      modules: modules.map((m) => ({
        name: m.name,
        status: state.errorBurst ? "degraded" : "active",
        reducers: m.reducers.length,
      })),
      subscriptions: { active: state.subscriptions },
      uptime_secs: state.uptimeSecs,
    },
  };
}
