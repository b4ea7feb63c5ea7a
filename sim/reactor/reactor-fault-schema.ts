import type { FaultSchemaTable } from "../core/fault-schema.ts";
import { lifecycleFaultSchema } from "../core/lifecycle-fault-schema.ts";
import { rampSecondsParam } from "../core/ramp-seconds-param.ts";
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
  /** The job queue climbs to `depth` (default 1000) over `rampSeconds` (default 60): JobQueueBacklog. */
  jobsBacklog: {
    name: "reactor.jobs.backlog",
    description:
      "Job workers get stuck: reactor_jobs_queue_depth climbs to `depth` over `rampSeconds` (JobQueueBacklog: > 500 for 10m). Heal: the workers drain about 40 jobs per second.",
    params: {
      depth: {
        type: "number",
        default: 1000,
        min: 0,
        max: 1_000_000,
        description: "Pending jobs at the end of the climb.",
      },
      rampSeconds: rampSecondsParam,
    },
  },
  /** The database pool is exhausted; `errorRatio` (default 0.3) of DB-backed requests time out (503). */
  dbPoolExhausted: {
    name: "reactor.db.pool-exhausted",
    description:
      "Every database pool connection is taken: reactor_db_pool_idle 0, supavisor_db_pool_waiting up, acquire times of seconds, and `errorRatio` of the requests of the DB-backed capabilities (auth, data, storage, jobs: about 80% of traffic) time out with 503 (ReactorHighErrorRate); the doctor's db_ping fails.",
    params: {
      errorRatio: shareParam(
        0.3,
        "Share of DB-backed requests whose connection acquire times out.",
      ),
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
