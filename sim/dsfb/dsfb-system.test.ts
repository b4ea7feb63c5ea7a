import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SimConfigError } from "../core/errors.ts";
import { topologyRegistry } from "../host/topology-registry.ts";
import { SimTestHost } from "../test-support/sim-test-host.ts";

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.reverse()) await fn();
  cleanup = [];
});

/** A dsfb sim host with two nodes on a virtual clock; logs collected; stopped after the test. */
async function startHost(env: Record<string, string>) {
  const nodes = topologyRegistry.get("dsfb")?.nodes({ nodes: 2 }) ?? [];
  const fleet = await SimTestHost.start(
    { system: "dsfb", seed: 7, nodes: nodes.map((n) => ({ id: n.id, port: 0 })) },
    { env },
  );
  cleanup.push(() => fleet.close());
  return fleet;
}

describe("dsfbSystem in a sim host", () => {
  it("runs the nodes, lists its faults and writes one textfile per node into DSFB_TEXTFILE_DIR", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dsfb-system-"));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const textfiles = join(dir, "textfile");
    const fleet = await startHost({ DSFB_TEXTFILE_DIR: textfiles });
    const { host, logLines: logs } = fleet;
    fleet.clock.advance(60_000);
    const catalogue = (await fleet.control("GET", "/faults/catalogue")).json as { name: string }[];
    expect(catalogue.map((f) => f.name)).toEqual([
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
