import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { VirtualClock } from "../core/clock.ts";
import { FaultRegistry } from "../core/fault-registry.ts";
import { PROMTOOL } from "../test-support/stack-tools.ts";
import { dsfbFaults } from "./dsfb-faults.ts";
import type { DsfbNode } from "./dsfb-node.ts";
import { dsfbTestNode } from "./dsfb-test-node.ts";

const MINUTE = 60_000;

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.reverse()) await fn();
  cleanup = [];
});

/** A started node on a virtual clock, with its fault registry; closed after the test. */
async function startNode(options: { textfilePath?: string } = {}) {
  const clock = new VirtualClock(Date.UTC(2025, 0, 1));
  const node = dsfbTestNode(clock, options);
  await node.start();
  cleanup.push(() => node.close());
  const faults = new FaultRegistry({ definitions: dsfbFaults(), nodes: [node], clock });
  return { clock, node, faults };
}

/** The trust-sums of the motifs that have closed an episode. */
function trustSums(node: DsfbNode): number[] {
  return node
    .snapshot()
    .motifs.map((m) => m.trustSumLast)
    .filter((v) => !Number.isNaN(v));
}

/** Whether a trust-sum lies in the documented range. */
const inRange = (v: number) => v >= 0.99 && v <= 1.01;

describe("DsfbNode", () => {
  it("serves OpenMetrics on GET /metrics: content type, NaN gauges before any episode, # EOF", async () => {
    const { node } = await startNode();
    const response = await fetch(`${node.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "application/openmetrics-text; version=1.0.0; charset=utf-8",
    );
    const body = await response.text();
    expect(body).toContain('dsfb_episode_trust_sum_last{motif="cache_collapse"} NaN\n');
    expect(body).toContain('dsfb_episode_peak_last{motif="contention_ramp"} NaN\n');
    expect(body).toContain('dsfb_episodes_total{motif="cache_collapse"} 0\n');
    expect(body.endsWith("\n# EOF\n")).toBe(true);
    expect((await fetch(`${node.url}/nope`)).status).toBe(404);
  });

  it("runs clear of every alert condition: no drops, trust-sums in range, episodes on every motif", async () => {
    const { clock, node } = await startNode();
    for (let m = 0; m < 30; m++) {
      clock.advance(MINUTE);
      expect(node.snapshot().streaming?.droppedOutOfWindow).toBe(0);
      expect(trustSums(node).every(inRange)).toBe(true);
    }
    const snapshot = node.snapshot();
    for (const motif of snapshot.motifs) expect(motif.episodes).toBeGreaterThan(10);
    expect(snapshot.streaming?.flushed).toBeGreaterThan(30 * 60 * 19);
    expect(snapshot.streaming?.staged).toBeGreaterThan(0);
  });

  it("dsfb.ingest.out-of-window drops samples within a minute and stops once the lag has passed after the heal", async () => {
    const { clock, node, faults } = await startNode();
    clock.advance(2 * MINUTE);
    const fault = await faults.inject({ name: "dsfb.ingest.out-of-window" });
    expect(fault.params).toEqual({ share: 0.2, lagSeconds: 30 });
    clock.advance(MINUTE);
    const during = node.snapshot().streaming?.droppedOutOfWindow ?? 0;
    expect(during).toBeGreaterThan(50);
    await faults.heal(fault.id);
    clock.advance(35_000);
    const settled = node.snapshot().streaming?.droppedOutOfWindow;
    clock.advance(5 * MINUTE);
    expect(node.snapshot().streaming?.droppedOutOfWindow).toBe(settled);
  });

  it("dsfb.ingest.out-of-window with a lag shorter than two windows is absorbed by the reorder buffer", async () => {
    const { clock, node, faults } = await startNode();
    await faults.inject({
      name: "dsfb.ingest.out-of-window",
      params: { share: 0.5, lagSeconds: 6 },
    });
    clock.advance(5 * MINUTE);
    expect(node.snapshot().streaming?.droppedOutOfWindow).toBe(0);
  });

  it("dsfb.observer.trust-drift pushes every motif's trust-sum out of range, and back after the heal", async () => {
    const { clock, node, faults } = await startNode();
    clock.advance(5 * MINUTE);
    const fault = await faults.inject({ name: "dsfb.observer.trust-drift" });
    clock.advance(MINUTE);
    expect(trustSums(node).some((v) => !inRange(v))).toBe(true);
    clock.advance(4 * MINUTE);
    expect(trustSums(node).map((v) => +v.toFixed(2))).toEqual([1.05, 1.05, 1.05, 1.05, 1.05]);
    await faults.heal(fault.id);
    clock.advance(5 * MINUTE);
    expect(trustSums(node).every(inRange)).toBe(true);
  });

  it("dsfb.node.crash refuses scrapes; the heal restarts with fresh counters", async () => {
    const { clock, node, faults } = await startNode();
    clock.advance(5 * MINUTE);
    const fault = await faults.inject({ name: "dsfb.node.crash" });
    expect(node.state).toBe("crashed");
    await expect(fetch(`${node.url}/metrics`)).rejects.toThrow();
    await faults.heal(fault.id);
    const body = await (await fetch(`${node.url}/metrics`)).text();
    expect(body).toContain("dsfb_streaming_residuals_flushed_total 0\n");
    expect(body).toContain('dsfb_episode_trust_sum_last{motif="cache_collapse"} NaN\n');
  });

  it("writes the textfile at start and every 15 fleet seconds, and promtool accepts it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dsfb-node-"));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const path = join(dir, "dsfb-0.prom");
    const { clock, node } = await startNode({ textfilePath: path });
    await node.textfileIdle();
    expect(await readFile(path, "utf8")).toContain(
      'dsfb_streaming_residuals_flushed_total{node="dsfb-0"} 0\n',
    );
    clock.advance(10 * MINUTE);
    await node.textfileIdle();
    const text = await readFile(path, "utf8");
    const flushed = node.snapshot().streaming?.flushed;
    expect(text).toContain(`dsfb_streaming_residuals_flushed_total{node="dsfb-0"} ${flushed}\n`);
    expect(text).not.toContain("# EOF");
    if (PROMTOOL) {
      const check = spawnSync(PROMTOOL, ["check", "metrics"], { input: text, encoding: "utf8" });
      expect({ status: check.status, out: check.stdout + check.stderr }).toEqual({
        status: 0,
        out: "",
      });
    }
  });
});
