import type { FaultDefinition } from "../core/fault-definition.ts";
import { lifecycleFaults } from "../core/lifecycle-faults.ts";
import { CAPABILITIES, type Capability } from "./reactor-capabilities.ts";
import type { ReactorNode } from "./reactor-node.ts";

/**
 * Reactor's fault catalog: the model knobs (5xx burst, job backlog, database pool exhaustion,
 * a failing capability health check) and the node crash and hang every system has.
 *
 * @example
 * reactorFaults().map((f) => f.name); // ["reactor.http.5xx-burst", ...]
 */
export function reactorFaults(): FaultDefinition<ReactorNode>[] {
  return [
    {
      name: "reactor.http.5xx-burst",
      description:
        "A share `ratio` of one capability's requests (or every capability's, \"all\") answer 500/502/503. data carries about 40% of the traffic, so ratio 0.5 there puts about 20% of all requests in 5xx (ReactorHighErrorRate, > 5% for 5m); a small ratio is a blip under the line.",
      params: [
        {
          name: "capability",
          type: "string",
          default: "data",
          values: [...CAPABILITIES, "all"],
          description: 'The capability whose requests fail, or "all".',
        },
        {
          name: "ratio",
          type: "number",
          default: 0.5,
          min: 0,
          max: 1,
          description: "Share of that capability's requests that fail, from 0 to 1.",
        },
      ],
      apply: (node, params) =>
        node.errorBurst({
          capability: params.string("capability") as Capability | "all",
          ratio: params.number("ratio"),
        }),
    },
    {
      name: "reactor.jobs.backlog",
      description:
        "Job workers get stuck: reactor_jobs_queue_depth climbs to `depth` over `rampSeconds` (JobQueueBacklog: > 500 for 10m). Heal: the workers drain about 40 jobs per second.",
      params: [
        {
          name: "depth",
          type: "number",
          default: 1000,
          min: 0,
          max: 1_000_000,
          description: "Pending jobs at the end of the climb.",
        },
        {
          name: "rampSeconds",
          type: "number",
          default: 60,
          min: 0,
          max: 86_400,
          description: "Fleet seconds the climb takes.",
        },
      ],
      apply: (node, params) =>
        node.jobsBacklog(params.number("depth"), params.number("rampSeconds")),
    },
    {
      name: "reactor.db.pool-exhausted",
      description:
        "Every database pool connection is taken: reactor_db_pool_idle 0, supavisor_db_pool_waiting up, acquire times of seconds, and `errorRatio` of the requests of the DB-backed capabilities (auth, data, storage, jobs: about 80% of traffic) time out with 503 (ReactorHighErrorRate); the doctor's db_ping fails.",
      params: [
        {
          name: "errorRatio",
          type: "number",
          default: 0.3,
          min: 0,
          max: 1,
          description: "Share of DB-backed requests whose connection acquire times out.",
        },
      ],
      apply: (node, params) => node.exhaustDbPool(params.number("errorRatio")),
    },
    {
      name: "reactor.capability.unhealthy",
      description:
        'A capability\'s internal health check fails: GET /health answers 503 with it as "error" and its routes answer 503. Pages through ReactorHighErrorRate only when that capability carries more than 5% of the traffic.',
      params: [
        {
          name: "capability",
          type: "string",
          default: "storage",
          values: [...CAPABILITIES],
          description: "The capability whose health check fails.",
        },
      ],
      apply: (node, params) => node.failCapability(params.string("capability") as Capability),
    },
    ...lifecycleFaults("reactor"),
  ];
}
