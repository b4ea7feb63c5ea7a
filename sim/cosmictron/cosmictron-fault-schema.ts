import type { FaultSchemaTable } from "../core/fault-schema.ts";
import { lifecycleFaultSchema } from "../core/lifecycle-fault-schema.ts";
import { rampSecondsParam } from "../core/ramp-seconds-param.ts";
import { shareParam } from "../core/share-param.ts";

/**
 * Cosmictron's faults, declared once: the model knobs (fsync stall, reducer error burst, storage
 * fill, TSA errors) and the node crash and hang every system has. Keys are the scenario
 * factories' names (`cosmictron.walFsyncStall(...)`); each key's comment says which alert it drives.
 */
export const cosmictronFaultSchema = {
  /** The device adds about `latencySeconds` (default 1.5 s) to every fsync: the WAL fsync latency alert's fault. */
  walFsyncStall: {
    name: "cosmictron.wal.fsync-stall",
    description:
      'The WAL device adds about latencySeconds (±15%) to every fsync, so the fsync p99 rises above it; commits queue behind each fsync (group commit) and their reducer calls wait; /v1/health/detailed reports wal.status "degraded".',
    params: {
      latencySeconds: {
        type: "number",
        default: 1.5,
        min: 0.001,
        max: 60,
        description: "Latency the stalled device adds to every fsync, in seconds.",
      },
    },
  },
  /** The next `count` fsyncs (default 1) take `latencySeconds` (default 2) each: slow fsyncs, not a stall. */
  slowFsync: {
    name: "cosmictron.wal.slow-fsync",
    description:
      "The next `count` WAL fsyncs take latencySeconds each, then fsync is normal again: a handful of slow fsyncs, not a stall.",
    params: {
      count: {
        type: "number",
        default: 1,
        min: 1,
        max: 1000,
        description: "How many fsyncs are slow.",
      },
      latencySeconds: {
        type: "number",
        default: 2,
        min: 0.001,
        max: 60,
        description: "How long each slow fsync takes, in seconds.",
      },
    },
  },
  /** A share `errorRatio` (default 0.3) of reducer calls fail. */
  reducerErrorBurst: {
    name: "cosmictron.reducer.error-burst",
    description: 'A share of reducer calls fail (status="error") on every module and reducer.',
    params: {
      errorRatio: shareParam(0.3, "Share of reducer calls that fail, from 0 to 1."),
    },
  },
  /** A bulk import big enough to fill the disk to `fillRatio` (default 0.92) over `rampSeconds`. */
  storageFill: {
    name: "cosmictron.storage.fill",
    description:
      "A bulk import, sized to bring the data directory to fillRatio of the disk, rides on the node's reducer calls over rampSeconds of fleet time: their WAL bytes (then, at checkpoint, pages) fill the disk; readiness fails (503) above 0.95. Heal drops the imported table.",
    params: {
      fillRatio: shareParam(
        0.92,
        "Share of the disk used once the import is written, from 0 to 1.",
      ),
      rampSeconds: rampSecondsParam,
    },
  },
  /** The timestamp authority answers 500 ("error") or not at all ("timeout"). */
  tsaErrors: {
    name: "cosmictron.tsa.errors",
    description:
      'The timestamp authority fails this node\'s requests: HTTP 500 ("error") or no answer within the client\'s timeout ("timeout"); both count status="error".',
    params: {
      mode: {
        type: "string",
        default: "error",
        values: ["error", "timeout"],
        description: 'How the authority fails: "error" (HTTP 500) or "timeout" (never answers).',
      },
    },
  },
  ...lifecycleFaultSchema("cosmictron"),
} as const satisfies FaultSchemaTable;
