import type { Clock } from "../core/clock.ts";
import type { FaultDefinition } from "../core/fault-definition.ts";
import { lifecycleFaults } from "../core/lifecycle-faults.ts";
import type { CosmictronNode } from "./cosmictron-node.ts";

/**
 * Cosmictron's fault catalog: the model knobs (fsync stall, reducer error burst, storage fill,
 * TSA errors) and the node crash and hang every system has.
 *
 * @example
 * const faults = cosmictronFaults(clock);
 * faults.map((f) => f.name); // ["cosmictron.wal.fsync-stall", ...]
 */
export function cosmictronFaults(clock: Clock): FaultDefinition<CosmictronNode>[] {
  return [
    {
      name: "cosmictron.wal.fsync-stall",
      description:
        'WAL fsync takes about latencySeconds (±15%) per commit, so the fsync p99 rises above it; /v1/health/detailed reports wal.status "degraded".',
      params: [
        {
          name: "latencySeconds",
          type: "number",
          default: 1.5,
          min: 0.001,
          max: 60,
          description: "Typical fsync duration while stalled, in seconds.",
        },
      ],
      apply: (node, params) => node.stallFsync(params.number("latencySeconds")),
    },
    {
      name: "cosmictron.wal.slow-fsync",
      description:
        "The next `count` WAL fsyncs take latencySeconds each, then fsync is normal again: a handful of slow fsyncs, not a stall.",
      params: [
        {
          name: "count",
          type: "number",
          default: 1,
          min: 1,
          max: 1000,
          description: "How many fsyncs are slow.",
        },
        {
          name: "latencySeconds",
          type: "number",
          default: 2,
          min: 0.001,
          max: 60,
          description: "How long each slow fsync takes, in seconds.",
        },
      ],
      apply: (node, params) =>
        node.slowFsyncs(params.number("count"), params.number("latencySeconds")),
    },
    {
      name: "cosmictron.reducer.error-burst",
      description: 'A share of reducer calls fail (status="error") on every module and reducer.',
      params: [
        {
          name: "errorRatio",
          type: "number",
          default: 0.3,
          min: 0,
          max: 1,
          description: "Share of reducer calls that fail, from 0 to 1.",
        },
      ],
      apply: (node, params) => node.errorBurst(params.number("errorRatio")),
    },
    {
      name: "cosmictron.storage.fill",
      description:
        "Bytes used in the data directory climb to fillRatio of the disk over rampSeconds of fleet time; readiness fails (503) above 0.95. Heal frees the space.",
      params: [
        {
          name: "fillRatio",
          type: "number",
          default: 0.92,
          min: 0,
          max: 1,
          description: "Share of the disk used at the end of the ramp, from 0 to 1.",
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
        node.fillStorage(params.number("fillRatio"), params.number("rampSeconds"), clock.now()),
    },
    {
      name: "cosmictron.tsa.errors",
      description:
        'The timestamp authority fails this node\'s requests: HTTP 500 ("error") or no answer within the client\'s timeout ("timeout"); both count status="error".',
      params: [
        {
          name: "mode",
          type: "string",
          default: "error",
          values: ["error", "timeout"],
          description: 'How the authority fails: "error" (HTTP 500) or "timeout" (never answers).',
        },
      ],
      apply: (node, params) =>
        node.failTsa(params.string("mode") === "timeout" ? "timeout" : "error"),
    },
    ...lifecycleFaults("cosmictron"),
  ];
}
