import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { VirtualClock } from "../core/clock.ts";
import { EnvFilter } from "../core/env-filter.ts";
import { Logger } from "../core/logger.ts";
import { faultCatalogue } from "./fault-catalogue.ts";
import { systemRegistry } from "./system-registry.ts";

describe("faultCatalogue", () => {
  it("lists a system for every system a host can run", () => {
    expect([...new Set(faultCatalogue().map((f) => f.system))]).toEqual(
      [...systemRegistry.keys()].sort(),
    );
  });

  it("gives what a started host serves, system by system", async () => {
    const clock = new VirtualClock();
    const nowhere = new Writable({ write: (_chunk, _encoding, done) => done() });
    const logger = new Logger({
      clock,
      filter: EnvFilter.parse("off"),
      format: "json",
      stream: nowhere,
    });
    for (const [name, system] of systemRegistry) {
      const host = await system.start({ seed: 1, clock, logger, otlpEndpoint: undefined, env: {} });
      try {
        expect(faultCatalogue().filter((f) => f.system === name)).toEqual(
          host.faults.map((d) => ({
            system: name,
            name: d.name,
            description: d.description,
            ...(d.roles !== undefined && { roles: d.roles }),
            params: d.params,
          })),
        );
      } finally {
        await host.close();
      }
    }
  });

  it("describes cosmictron.wal.fsync-stall's latencySeconds", () => {
    expect(faultCatalogue().find((f) => f.name === "cosmictron.wal.fsync-stall")).toEqual({
      system: "cosmictron",
      name: "cosmictron.wal.fsync-stall",
      description:
        'The WAL device adds about latencySeconds (±15%) to every fsync, so the fsync p99 rises above it; commits queue behind each fsync (group commit) and their reducer calls wait; /v1/health/detailed reports wal.status "degraded".',
      params: [
        {
          name: "latencySeconds",
          type: "number",
          default: 1.5,
          min: 0.001,
          max: 60,
          description: "Latency the stalled device adds to every fsync, in seconds.",
        },
      ],
    });
  });
});
