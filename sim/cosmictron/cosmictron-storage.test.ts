import { PassThrough } from "node:stream";
import { trace } from "@opentelemetry/api";
import { describe, expect, it } from "vitest";
import { VirtualClock } from "../core/clock.ts";
import { EnvFilter } from "../core/env-filter.ts";
import { Logger } from "../core/logger.ts";
import { SeededRandom } from "../core/seeded-random.ts";
import { CosmictronMetrics } from "./cosmictron-metrics.ts";
import { generateModules } from "./cosmictron-modules.ts";
import { CosmictronStorage } from "./cosmictron-storage.ts";
import { WalDevice } from "./cosmictron-wal.ts";
import { reducerCalls } from "./reducer-calls.ts";

/** A node's reducer calls at `callsPerSecond` writing to its data directory, second by second. */
function dataDirectory(callsPerSecond: number) {
  const random = new SeededRandom("storage-test");
  const modules = generateModules(random.derive("modules"));
  const reducers = modules.flatMap((m) => m.reducers);
  const rates = new Map(reducers.map((r) => [r, callsPerSecond / reducers.length]));
  const metrics = new CosmictronMetrics(modules);
  const storage = new CosmictronStorage(random);
  const clock = new VirtualClock(0);
  const log = new Logger({
    clock,
    filter: EnvFilter.parse("warn"),
    format: "json",
    stream: new PassThrough(),
  });
  const wal = new WalDevice();
  let txId = 0;
  let now = 0;
  return {
    storage,
    /** WAL bytes written and committed calls so far, as /metrics counts them. */
    async counted() {
      const bytes = (await metrics.walBytes.get()).values[0]?.value ?? 0;
      const writes = (await metrics.walWrites.get()).values[0]?.value ?? 0;
      return { bytes, writes };
    },
    /** Runs `seconds` fleet seconds, with a checkpoint every 300 as the workload does. */
    run(seconds: number) {
      for (let s = 0; s < seconds; s++) {
        now += 1000;
        reducerCalls({
          from: now - 1000,
          random,
          metrics,
          tracer: trace.getTracer("test"),
          identities: ["a"],
          log,
          modules,
          rates,
          errorRatio: undefined,
          stall: undefined,
          slowFsyncs: { left: 0, seconds: 0 },
          pendingSegments: 0,
          wal,
          importBytes: storage.importDue(now),
          nextTxId: () => ++txId,
          write: (bytes, imported) => storage.write(bytes, imported),
        });
        if ((now / 1000) % 300 === 0) storage.checkpoint();
      }
    },
    get now() {
      return now;
    },
  };
}

describe("Cosmictron storage", () => {
  it("grows by what the committed calls write to the WAL, across checkpoints", async () => {
    const dir = dataDirectory(12);
    const before = dir.storage.bytesUsed;
    dir.run(900);
    const { bytes, writes } = await dir.counted();
    // About 12 calls/s for 900 s, a few hundred bytes each: every WAL byte lands in the directory.
    expect(writes).toBeGreaterThan(12 * 900 * 0.9);
    expect(bytes / writes).toBeGreaterThan(180);
    expect(dir.storage.bytesUsed - before).toBe(bytes);
  });

  it("stays flat when no calls commit, even with a bulk import under way", () => {
    const dir = dataDirectory(0);
    const before = dir.storage.bytesUsed;
    dir.storage.bulkImport(10 * 1024 ** 3, 60_000, dir.now);
    dir.run(600);
    expect(dir.storage.bytesUsed).toBe(before);
  });

  it("fills through a bulk import the calls write over its ramp, and frees it when healed", async () => {
    const dir = dataDirectory(12);
    const before = dir.storage.bytesUsed;
    const target = Math.round(dir.storage.diskTotalBytes * 0.9);
    const heal = dir.storage.bulkImport(target - before, 120_000, dir.now);
    dir.run(60);
    const half = dir.storage.bytesUsed / dir.storage.diskTotalBytes;
    dir.run(240);
    const ratio = dir.storage.bytesUsed / dir.storage.diskTotalBytes;
    // Halfway up the ramp, then at the target plus the calls' own few MB.
    expect(half).toBeGreaterThan(0.6);
    expect(half).toBeLessThan(0.8);
    expect(ratio).toBeGreaterThan(0.9);
    expect(ratio).toBeLessThan(0.9001);
    expect((await dir.counted()).bytes).toBeGreaterThan(target - before);
    heal();
    expect(dir.storage.bytesUsed / dir.storage.diskTotalBytes).toBeLessThan(0.6);
  });
});
