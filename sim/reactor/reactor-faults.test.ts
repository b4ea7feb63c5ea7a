import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { VirtualClock } from "../core/clock.ts";
import { FaultRegistry } from "../core/fault-registry.ts";
import { SeededRandom } from "../core/seeded-random.ts";
import { quietLogger } from "../test-support/quiet-logger.ts";
import { generateDeployment } from "./reactor-deployment.ts";
import { reactorFaults } from "./reactor-faults.ts";
import { ReactorNode } from "./reactor-node.ts";

const MINUTE = 60_000;
let clock: VirtualClock;
let nodes: ReactorNode[];
let faults: FaultRegistry<ReactorNode>;

beforeEach(async () => {
  clock = new VirtualClock(Date.UTC(2026, 4, 29, 12));
  const random = new SeededRandom("faults");
  const deployment = generateDeployment(random.derive("deployment"));
  // Info events are formatted (as a host's default filter has them), then dropped.
  const logger = quietLogger(clock, "info");
  nodes = ["reactor-0", "reactor-1"].map(
    (id) =>
      new ReactorNode({
        id,
        port: 0,
        clock,
        random: random.derive(id),
        deployment,
        logger: logger.forNode(id),
        adminToken: "t",
      }),
  );
  for (const node of nodes) await node.start();
  faults = new FaultRegistry({ definitions: reactorFaults(), nodes, clock });
  clock.advance(10 * MINUTE);
});
afterEach(async () => {
  for (const node of nodes) await node.close();
});

/** Fleet-wide request counts so far: all requests and the 5xx ones. */
async function requests(): Promise<{ total: number; errors: number }> {
  let total = 0;
  let errors = 0;
  for (const node of nodes) {
    const metric = await node.metrics.httpRequests.get();
    for (const v of metric.values) {
      total += v.value;
      if (String(v.labels.status).startsWith("5")) errors += v.value;
    }
  }
  return { total, errors };
}

/** The fleet's 5xx share over the next `ms` of fleet time (what ReactorHighErrorRate divides). */
async function errorShare(ms = 5 * MINUTE): Promise<number> {
  const a = await requests();
  clock.advance(ms);
  const b = await requests();
  return (b.errors - a.errors) / (b.total - a.total);
}

/** The deepest job queue of the fleet now. */
async function queueDepth(): Promise<number> {
  const depths = await Promise.all(
    nodes.map(async (n) => (await n.metrics.jobsQueueDepth.get()).values[0]?.value ?? 0),
  );
  return Math.max(...depths);
}

describe("normal behaviour", () => {
  it("keeps the 5xx share well under 5% and the job queue well under 100", async () => {
    expect(await errorShare(10 * MINUTE)).toBeLessThan(0.01);
    let deepest = 0;
    for (let i = 0; i < 60; i++) {
      clock.advance(10_000);
      deepest = Math.max(deepest, await queueDepth());
    }
    expect(deepest).toBeLessThan(50);
  });
});

describe("reactor.http.5xx-burst", () => {
  it("crosses the 5% line within 2 fleet minutes with its defaults and falls back after the heal", async () => {
    // The 5m rate window at 2m into the burst: 3m before it and 2m of it.
    const before = await requests();
    clock.advance(3 * MINUTE);
    const { id } = await faults.inject({ name: "reactor.http.5xx-burst" });
    clock.advance(2 * MINUTE);
    const after = await requests();
    expect((after.errors - before.errors) / (after.total - before.total)).toBeGreaterThan(0.05);
    clock.advance(3 * MINUTE);
    await faults.heal(id);
    expect(await errorShare()).toBeLessThan(0.01);
  });

  it("is a blip under the line with a small ratio, and can target every capability", async () => {
    const blip = await faults.inject({ name: "reactor.http.5xx-burst", params: { ratio: 0.05 } });
    expect(await errorShare()).toBeLessThan(0.04);
    await faults.heal(blip.id);
    const all = await faults.inject({
      name: "reactor.http.5xx-burst",
      params: { capability: "all", ratio: 0.1 },
    });
    const share = await errorShare();
    await faults.heal(all.id);
    expect(share).toBeGreaterThan(0.08);
    expect(share).toBeLessThan(0.12);
  });
});

describe("reactor.db.pool-exhausted", () => {
  it("drains the pool, queues queries, fails DB-backed requests over the 5% line, and recovers", async () => {
    const { id } = await faults.inject({ name: "reactor.db.pool-exhausted" });
    expect(await errorShare(2 * MINUTE)).toBeGreaterThan(0.15);
    const node = nodes[0] as ReactorNode;
    expect((await node.metrics.dbPoolIdle.get()).values[0]?.value).toBe(0);
    expect((await node.metrics.supavisorWaiting.get()).values[0]?.value).toBeGreaterThan(10);
    await faults.heal(id);
    expect(await errorShare()).toBeLessThan(0.01);
    expect((await node.metrics.dbPoolIdle.get()).values[0]?.value).toBeGreaterThan(0);
  });

  it("only slows the requests when the pool can carry the query time", async () => {
    await faults.inject({ name: "reactor.db.pool-exhausted", params: { querySeconds: 0.3 } });
    expect(await errorShare(2 * MINUTE)).toBeLessThan(0.01);
    const node = nodes[0] as ReactorNode;
    expect((await node.metrics.dbPoolIdle.get()).values[0]?.value).toBeGreaterThan(0);
  });
});

/** reactor-1's queue depth and its runs so far (completed and failed). */
async function jobs(): Promise<{ depth: number; runs: number }> {
  const node = nodes[1] as ReactorNode;
  const depth = (await node.metrics.jobsQueueDepth.get()).values[0]?.value ?? 0;
  const runs = (await node.metrics.jobsRuns.get()).values.reduce((sum, v) => sum + v.value, 0);
  return { depth, runs };
}

describe("reactor.jobs.backlog", () => {
  it("backs the queue up only when the stalled workers finish fewer jobs than arrive", async () => {
    // Slowed fivefold, the workers still have spare capacity: no backlog, runs go on.
    const mild = await faults.inject({
      name: "reactor.jobs.backlog",
      target: "reactor-1",
      params: { slowdown: 5 },
    });
    const a = await jobs();
    clock.advance(5 * MINUTE);
    const b = await jobs();
    expect(b.depth).toBeLessThan(20);
    expect(b.runs - a.runs).toBeGreaterThan(600); // about 2.5 a second
    await faults.heal(mild.id);
    // Forty times slower they finish well under the arrivals: the queue grows by what arrives
    // (about 2.5 jobs/s) less what they still finish, and every job is in one or the other.
    await faults.inject({
      name: "reactor.jobs.backlog",
      target: "reactor-1",
      params: { slowdown: 40 },
    });
    const c = await jobs();
    clock.advance(5 * MINUTE);
    const d = await jobs();
    const arrived = d.depth - c.depth + (d.runs - c.runs);
    expect(arrived / 300).toBeGreaterThan(2.2);
    expect(arrived / 300).toBeLessThan(2.9);
    expect(d.runs - c.runs).toBeGreaterThan(50);
    expect(d.depth - c.depth).toBeGreaterThan(300);
  });

  it("with its default all but stops the workers: over 500 within 5 fleet minutes, drained after the heal", async () => {
    const { id } = await faults.inject({ name: "reactor.jobs.backlog", target: "reactor-1" });
    clock.advance(3 * MINUTE);
    expect((await jobs()).depth).toBeLessThan(500);
    clock.advance(2 * MINUTE);
    const stalled = await jobs();
    expect(stalled.depth).toBeGreaterThan(500);
    clock.advance(10 * MINUTE);
    const deep = await jobs();
    expect(deep.depth).toBeGreaterThan(2000);
    expect(deep.runs - stalled.runs).toBeLessThan(100); // against about 1500 arrived
    await faults.heal(id);
    clock.advance(2 * MINUTE);
    const drained = await jobs();
    expect(drained.depth).toBeLessThan(50);
    expect(drained.runs - deep.runs).toBeGreaterThan(deep.depth);
  });
});

describe("reactor.capability.unhealthy", () => {
  it("fails /health naming the capability, 503s its requests, and heals", async () => {
    const node = nodes[0] as ReactorNode;
    const { id } = await faults.inject({
      name: "reactor.capability.unhealthy",
      target: "reactor-0",
      params: { capability: "data" },
    });
    const res = await fetch(`${node.url}/health`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { capabilities: Record<string, string> }).capabilities.data).toBe(
      "error",
    );
    expect((await fetch(`${node.url}/data/v1/users`)).status).toBe(503);
    expect(await errorShare(2 * MINUTE)).toBeGreaterThan(0.1);
    await faults.heal(id);
    expect((await fetch(`${node.url}/health`)).status).toBe(200);
    expect(await errorShare()).toBeLessThan(0.01);
  });
});

describe("reactor.node.crash and reactor.node.hang", () => {
  it("take the node off the network (up == 0) and bring it back", async () => {
    const node = nodes[0] as ReactorNode;
    const crash = await faults.inject({ name: "reactor.node.crash", target: "reactor-0" });
    await expect(fetch(`${node.url}/metrics`)).rejects.toThrow();
    await faults.heal(crash.id);
    expect((await fetch(`${node.url}/metrics`)).status).toBe(200);
    const hang = await faults.inject({ name: "reactor.node.hang", target: "reactor-0" });
    await expect(
      fetch(`${node.url}/metrics`, { signal: AbortSignal.timeout(200) }),
    ).rejects.toThrow();
    await faults.heal(hang.id);
    expect((await fetch(`${node.url}/health`)).status).toBe(200);
  });
});
