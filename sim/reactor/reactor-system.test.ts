import { describe, expect, it } from "vitest";
import { VirtualClock } from "../core/clock.ts";
import { fileFixture } from "../test-support/file-fixture.ts";
import { SimTestHost } from "../test-support/sim-test-host.ts";
import { reactorAdminToken } from "./reactor-admin-token.ts";

const fleet = fileFixture(async () => {
  const started = await SimTestHost.start(
    {
      system: "reactor",
      seed: 42,
      nodes: [
        { id: "reactor-0", port: 0 },
        { id: "reactor-1", port: 0 },
      ],
    },
    {
      clock: new VirtualClock(Date.UTC(2026, 4, 29, 12)),
      env: { REACTOR_TRACING__FILTER: "warn,reactor_data=info", REACTOR_TRACING__FMT: "pretty" },
    },
  );
  started.clock.advance(60_000);
  return started;
});

describe("reactor in a sim host", () => {
  it("applies REACTOR_TRACING__FILTER and REACTOR_TRACING__FMT to the host's log", () => {
    const lines = fleet().logLines;
    expect(lines.length).toBeGreaterThan(20);
    for (const line of lines) {
      expect(line).toMatch(
        /^\S+Z +(INFO|WARN|ERROR) reactor-[01]: reactor_[a-z]+: |^\S+Z +(WARN|ERROR) reactor-[01]: /,
      );
      if (/ INFO /.test(line)) expect(line).toContain(": reactor_data: ");
    }
    expect(lines.some((l) => l.includes(" reactor_data: request completed method="))).toBe(true);
  });

  it("lists the Reactor faults on the control API", async () => {
    const catalogue = (await fleet().control("GET", "/faults/catalogue")).json as {
      name: string;
    }[];
    expect(catalogue.map((f) => f.name)).toEqual([
      "reactor.http.5xx-burst",
      "reactor.jobs.backlog",
      "reactor.db.pool-exhausted",
      "reactor.capability.unhealthy",
      "reactor.node.crash",
      "reactor.node.hang",
    ]);
  });

  it("accepts the seed's admin token when REACTOR_ADMIN_TOKEN is unset", async () => {
    expect(process.env.REACTOR_ADMIN_TOKEN).toBeUndefined();
    const token = reactorAdminToken(42);
    expect(token).toMatch(/^rct_[0-9a-f]{40}$/);
    expect(reactorAdminToken(42)).toBe(token);
    expect(reactorAdminToken(43)).not.toBe(token);
    const url = fleet().host.nodes[1]?.url ?? "";
    const res = await fetch(`${url}/_admin/version`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
  });

  it("injects a 5xx burst by name through the control API and heals it", async () => {
    const inject = await fetch(`${fleet().host.controlUrl}/faults`, {
      method: "POST",
      body: JSON.stringify({
        name: "reactor.http.5xx-burst",
        target: "reactor-0",
        params: { capability: "functions", ratio: 0.2 },
      }),
    });
    expect(inject.status).toBe(201);
    const fault = (await inject.json()) as { id: string; params: unknown };
    expect(fault.params).toEqual({ capability: "functions", ratio: 0.2 });
    const bad = await fetch(`${fleet().host.controlUrl}/faults`, {
      method: "POST",
      body: JSON.stringify({ name: "reactor.http.5xx-burst", params: { capability: "billing" } }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toBe(
      'Failed to inject fault "reactor.http.5xx-burst": param "capability" must be one of "auth", "data", "storage", "functions", "jobs", "sites", "all", got "billing". Fix the params and retry.',
    );
    expect(
      (await fetch(`${fleet().host.controlUrl}/faults/${fault.id}`, { method: "DELETE" })).status,
    ).toBe(200);
  });
});
