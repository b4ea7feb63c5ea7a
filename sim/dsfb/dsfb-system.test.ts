import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { VirtualClock } from "../core/clock.ts";
import { SimConfigError } from "../core/errors.ts";
import { startSimHost } from "../host/start-sim-host.ts";
import { topologyRegistry } from "../host/topology-registry.ts";

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.reverse()) await fn();
  cleanup = [];
});

/** A dsfb sim host with two nodes on a virtual clock; logs collected. */
async function startHost(env: Record<string, string>) {
  const clock = new VirtualClock(Date.UTC(2025, 0, 1));
  const logs: string[] = [];
  const stream = new PassThrough();
  stream.on("data", (c: Buffer) => logs.push(...c.toString().split("\n").filter(Boolean)));
  const nodes = topologyRegistry.get("dsfb")?.nodes({ nodes: 2 }) ?? [];
  const host = await startSimHost(
    { system: "dsfb", seed: 7, nodes: nodes.map((n) => ({ id: n.id, port: 0 })), controlPort: 0 },
    { clock, logStream: stream, env },
  );
  cleanup.push(() => host.stop());
  return { clock, host, logs };
}

describe("dsfbSystem in a sim host", () => {
  it("runs the nodes, lists its faults and writes one textfile per node into DSFB_TEXTFILE_DIR", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dsfb-system-"));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const textfiles = join(dir, "textfile");
    const { clock, host, logs } = await startHost({ DSFB_TEXTFILE_DIR: textfiles });
    clock.advance(60_000);
    const catalog = (await (await fetch(`${host.controlUrl}/faults/catalog`)).json()) as {
      name: string;
    }[];
    expect(catalog.map((f) => f.name)).toEqual([
      "dsfb.ingest.out-of-window",
      "dsfb.observer.trust-drift",
      "dsfb.node.crash",
      "dsfb.node.hang",
    ]);
    expect(host.nodes.map((n) => n.id)).toEqual(["dsfb-0", "dsfb-1"]);
    const body = await (await fetch(`${host.nodes[1]?.url}/metrics`)).text();
    expect(body.endsWith("# EOF\n")).toBe(true);
    await host.stop();
    expect((await readdir(textfiles)).sort()).toEqual(["dsfb-0.prom", "dsfb-1.prom"]);
    expect(await readFile(join(textfiles, "dsfb-1.prom"), "utf8")).toContain(
      'dsfb_streaming_residuals_staged{node="dsfb-1"} ',
    );
    const start = JSON.parse(logs[0] ?? "{}") as { fields?: { message?: string }; node?: string };
    expect(start.fields?.message).toBe("DSFB exporter starting");
  });

  it("refuses a relative DSFB_TEXTFILE_DIR, naming the variable and the remedy", async () => {
    const error = await startHost({ DSFB_TEXTFILE_DIR: "textfile" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SimConfigError);
    expect((error as SimConfigError).message).toBe(
      'Failed to start dsfb: DSFB_TEXTFILE_DIR must be an absolute path, got "textfile". Set it to an absolute folder or unset it.',
    );
    expect((error as SimConfigError).field).toBe("DSFB_TEXTFILE_DIR");
  });
});
