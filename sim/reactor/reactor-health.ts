import { CAPABILITIES, type Capability } from "./reactor-capabilities.ts";
import type { ReactorState } from "./reactor-state.ts";

/** The body of GET /health: every capability "ok" (200), or the failing ones "error" (503). */
export interface ReactorHealth {
  readonly status: "ok" | "error";
  readonly capabilities: Readonly<Record<Capability, "ok" | "error">>;
}

/** One probe of GET /_admin/doctor. */
export interface DoctorCheck {
  readonly name: string;
  readonly status: "ok" | "degraded" | "error";
  /** Why a probe is not ok; absent when it is. */
  readonly message?: string;
}

/** The body of GET /_admin/doctor: per capability, its status and its probes. */
export type ReactorDoctor = Readonly<
  Record<Capability, { readonly status: DoctorCheck["status"]; readonly checks: DoctorCheck[] }>
>;

/** The probes each capability runs, named as the document's example names them. */
const PROBES: Readonly<Record<Capability, readonly string[]>> = {
  auth: ["db_ping"],
  data: ["migrations"],
  storage: ["fs_writable"],
  functions: ["wasmtime"],
  jobs: ["queue"],
  sites: ["assets_dir"],
};

/** A jobs queue deeper than this makes the doctor's queue probe "degraded". */
const QUEUE_DEGRADED_DEPTH = 100;

/**
 * GET /health from the workload's state: 200 only when every mounted capability passes its
 * internal check, else 503 with the failing capabilities as "error".
 *
 * @example
 * const { code, body } = reactorHealth(workload.state()); // 200, {"status":"ok",...}
 */
export function reactorHealth(state: ReactorState): { code: 200 | 503; body: ReactorHealth } {
  const capabilities = Object.fromEntries(
    CAPABILITIES.map((c) => [c, state.unhealthy.has(c) ? "error" : "ok"]),
  ) as Record<Capability, "ok" | "error">;
  const failing = state.unhealthy.size > 0;
  return { code: failing ? 503 : 200, body: { status: failing ? "error" : "ok", capabilities } };
}

/**
 * GET /_admin/doctor from the workload's state: the deep probes (database ping, migrations,
 * storage, runtime presence, queue), in the document's `{status, checks: [{name, status}]}` shape.
 */
export function reactorDoctor(state: ReactorState): ReactorDoctor {
  const probe = (capability: Capability, name: string): DoctorCheck => {
    if (state.unhealthy.has(capability)) {
      return { name, status: "error", message: `${name} probe failed` };
    }
    if (name === "db_ping" && state.poolExhausted) {
      return {
        name,
        status: "error",
        message: `timed out acquiring a connection (pool of ${state.poolMax} exhausted)`,
      };
    }
    if (name === "queue" && state.queueDepth > QUEUE_DEGRADED_DEPTH) {
      return { name, status: "degraded", message: `${state.queueDepth} jobs pending` };
    }
    return { name, status: "ok" };
  };
  const rank = { ok: 0, degraded: 1, error: 2 } as const;
  return Object.fromEntries(
    CAPABILITIES.map((capability) => {
      const checks = (PROBES[capability] ?? []).map((name) => probe(capability, name));
      const status = checks.reduce<DoctorCheck["status"]>(
        (worst, c) => (rank[c.status] > rank[worst] ? c.status : worst),
        "ok",
      );
      return [capability, { status, checks }];
    }),
  ) as unknown as ReactorDoctor;
}
