import type { FaultSchemaTable } from "../core/fault-schema.ts";
import { lifecycleFaultSchema } from "../core/lifecycle-fault-schema.ts";
import { shareParam } from "../core/share-param.ts";
import { CAPABILITIES } from "./reactor-capabilities.ts";

/**
 * Reactor's faults, declared once: the model knobs (5xx burst, job backlog, database pool
 * exhaustion, a failing capability health check) and the node crash and hang every system has
 * (a crash or hang is ReactorHealthCheckFailing after 2m). Keys are the scenario factories' names.
 */
export const reactorFaultSchema = {
  /**
   * A share `ratio` (default 0.5) of one capability's requests (default "data", about 40% of
   * the traffic; "all" for every capability) answer 5xx: ReactorHighErrorRate. A small ratio is
   * a blip under the 5% line.
   */
  http5xxBurst: {
    name: "reactor.http.5xx-burst",
    description:
      "A share `ratio` of one capability's requests (or every capability's, \"all\") answer 500/502/503. data carries about 40% of the traffic, so ratio 0.5 there puts about 20% of all requests in 5xx (ReactorHighErrorRate, > 5% for 5m); a small ratio is a blip under the line.",
    params: {
      capability: {
        type: "string",
        default: "data",
        values: [...CAPABILITIES, "all"],
        description: 'The capability whose requests fail, or "all".',
      },
      ratio: shareParam(0.5, "Share of that capability's requests that fail, from 0 to 1."),
    },
  },
  /**
   * The job workers stall on a slow downstream: each run progresses `slowdown` (default 1000)
   * times slower, and the queue backs up at the arrival rate less what the workers still finish.
   */
  jobsBacklog: {
    name: "reactor.jobs.backlog",
    description:
      "The job workers stall on a slow downstream: every run progresses `slowdown` times slower. The 40–60 workers have about ten times the capacity the arrivals (about 2.5 jobs/s) need, so a slowdown under about 8 is absorbed; at the default 1000 they all but stop and reactor_jobs_queue_depth climbs about 2.5 a second, past 500 about 4 minutes in (JobQueueBacklog: > 500 for 10m). Heal: the running jobs finish at full speed and the workers drain the queue at about 20 jobs a second.",
    params: {
      slowdown: {
        type: "number",
        default: 1000,
        min: 1,
        max: 1_000_000,
        description: "How many times slower the workers progress (1: not at all).",
      },
    },
  },
  /**
   * A slow query (a lock, a missing index): each DB-backed request holds its connection for
   * about `querySeconds` (default 10), the pool runs dry and acquires time out after 5 s (503).
   */
  dbPoolExhausted: {
    name: "reactor.db.pool-exhausted",
    description:
      "A slow query: every request of the DB-backed capabilities (auth, data, storage, jobs: about 80% of traffic) holds its connection for about `querySeconds`. The pool (20, 30 or 50 connections) serves at most its size / querySeconds requests a second; at the default 10 s that is well under the 8–16 a second that need one, so reactor_db_pool_idle falls to 0, supavisor_db_pool_waiting climbs, and the requests that wait past the 5 s acquire timeout answer 503 (ReactorHighErrorRate); the doctor's db_ping fails. A query time the pool can carry (under about 1 s) only slows the requests.",
    params: {
      querySeconds: {
        type: "number",
        default: 10,
        min: 0,
        max: 600,
        description: "How long each DB-backed request's queries hold a connection.",
      },
    },
  },
  /** A capability's health check fails (default "storage"): GET /health answers 503 naming it. */
  capabilityUnhealthy: {
    name: "reactor.capability.unhealthy",
    description:
      'A capability\'s internal health check fails: GET /health answers 503 with it as "error" and its routes answer 503. Pages through ReactorHighErrorRate only when that capability carries more than 5% of the traffic.',
    params: {
      capability: {
        type: "string",
        default: "storage",
        values: [...CAPABILITIES],
        description: "The capability whose health check fails.",
      },
    },
  },
  ...lifecycleFaultSchema("reactor"),
} as const satisfies FaultSchemaTable;
