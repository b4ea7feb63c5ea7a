import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { SimConfigError } from "../core/errors.ts";
import { CosmictronTestHost } from "../cosmictron/cosmictron-test-host.ts";
import { fileFixture } from "../test-support/file-fixture.ts";
import { requestOutcome } from "../test-support/request-outcome.ts";
import { sumSamples } from "../test-support/sum-samples.ts";
import { startSimHost } from "./start-sim-host.ts";

const cosmictron = fileFixture(() => CosmictronTestHost.start());

describe("startSimHost (cosmictron, virtual clock): crash, hang and the control API", () => {
  it("crashes (connection refused) and restarts on the same port with fresh counters", async () => {
    const { fleet, node0 } = cosmictron();
    const id = await cosmictron().inject("cosmictron.node.crash");
    expect(await requestOutcome(`${node0}/metrics`)).toBe("ECONNREFUSED");
    expect((await fleet.control("GET", "/nodes")).json).toEqual([
      { id: "cosmictron-0", url: node0, state: "crashed" },
      { id: "cosmictron-1", url: fleet.host.nodes[1]?.url, state: "up" },
    ]);
    await fleet.heal(id);
    expect(await requestOutcome(`${node0}/metrics`)).toBe(200);
    expect((await cosmictron().detailed()).uptime_secs).toBe(0);
    expect(sumSamples(await fleet.scrape(), "cosmictron_wal_writes_total")).toBe(0);
    fleet.clock.advance(5_000);
    expect(sumSamples(await fleet.scrape(), "cosmictron_wal_writes_total")).toBeGreaterThan(0);
  });

  it("hangs (scrapes time out) and answers again after the heal", async () => {
    const { fleet, node0 } = cosmictron();
    const id = await cosmictron().inject("cosmictron.node.hang");
    expect(await requestOutcome(`${node0}/metrics`, 300)).toBe("TimeoutError");
    expect(
      ((await fleet.control("GET", "/faults")).json as { id: string }[]).map((f) => f.id),
    ).toEqual([id]);
    await fleet.control("DELETE", `/faults/${id}`);
    expect(await requestOutcome(`${node0}/metrics`)).toBe(200);
  });

  it("rejects bad fault requests with 400 or 404 and a message saying what to do", async () => {
    const { fleet } = cosmictron();
    expect(
      await fleet.control("POST", "/faults", {
        name: "cosmictron.wal.fsync-stall",
        params: { latencySeconds: "slow" },
      }),
    ).toEqual({
      status: 400,
      json: {
        error:
          'Failed to inject fault "cosmictron.wal.fsync-stall": param "latencySeconds" must be a number from 0.001 to 60, got "slow". Fix the params and retry.',
      },
    });
    expect(await fleet.control("POST", "/faults", { name: "cosmictron.disk.melt" })).toEqual({
      status: 400,
      json: {
        error:
          'Failed to inject fault: unknown fault "cosmictron.disk.melt". Use one of: cosmictron.wal.fsync-stall, cosmictron.wal.slow-fsync, cosmictron.reducer.error-burst, cosmictron.storage.fill, cosmictron.tsa.errors, cosmictron.node.crash, cosmictron.node.hang.',
      },
    });
    expect((await fleet.control("DELETE", "/faults/f999")).status).toBe(404);
    const catalogue = (await fleet.control("GET", "/faults/catalogue")).json as {
      name: string;
      params: { name: string; type: string; default: unknown }[];
    }[];
    expect(
      catalogue
        .find((f) => f.name === "cosmictron.storage.fill")
        ?.params.map((p) => [p.name, p.type, p.default]),
    ).toEqual([
      ["fillRatio", "number", 0.92],
      ["rampSeconds", "number", 60],
    ]);
    expect((await fleet.control("GET", "/healthz")).status).toBe(200);
  });

  it("takes the log filter from COSMICTRON_LOG over the config, and rejects a bad one", async () => {
    const error = await startSimHost(
      {
        system: "cosmictron",
        seed: 1,
        nodes: [{ id: "c-0", port: 0 }],
        controlPort: 0,
        logFilter: "info",
      },
      {
        clock: cosmictron().fleet.clock,
        logStream: new PassThrough(),
        env: { COSMICTRON_LOG: "debug,cosmictron_wal=loud" },
      },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SimConfigError);
    expect((error as SimConfigError).message).toBe(
      'Invalid COSMICTRON_LOG: Failed to parse log filter directive "cosmictron_wal=loud": unknown level "loud" (expected trace, debug, info, warn, error or off). Use the Rust EnvFilter form, e.g. "info,cosmictron_wal=trace".',
    );
  });
});
