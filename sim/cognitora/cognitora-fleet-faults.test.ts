import { describe, expect, it } from "vitest";
import { fileFixture } from "../test-support/file-fixture.ts";
import { sampleValue } from "../test-support/sample-value.ts";
import { sumSamples } from "../test-support/sum-samples.ts";
import { CognitoraTestFleet } from "./cognitora-test-fleet.ts";

const fleet = fileFixture(() => CognitoraTestFleet.start());

describe("Cognitora fleet (virtual clock): faults", () => {
  /** How many series cgn-metrics' union holds from one node. */
  const seriesFrom = async (node: string) =>
    [...(await fleet().scrape("cgn-metrics-0")).values()]
      .flatMap((f) => f.samples)
      .filter((s) => s.labels.node === node).length;
  const engineReady = async (node: string) =>
    sumSamples(await fleet().scrape(node), "cgn_agent_engine_ready");

  it.each([
    {
      signal: "cgn_agent_engine_ready",
      read: engineReady,
      fault: "cognitora.engine.not-ready",
      node: "cgn-agent-0",
      other: "cgn-agent-2",
      seconds: 10,
    },
    // cgn-metrics serves what it last collected (every 5 s): a crashed host's series leave the
    // union at the next collection, and come back once it runs again.
    {
      signal: "cgn-metrics' series",
      read: seriesFrom,
      fault: "cognitora.node.crash",
      node: "cgn-kvcached-0",
      other: "cgn-agent-0",
      seconds: 6,
    },
  ])(
    "takes $node's $signal to 0 under $fault, leaves $other's, and restores it after the heal",
    async ({ read, fault: name, node, other, seconds }) => {
      const before = { node: await read(node), other: await read(other) };
      expect(before.node).toBeGreaterThan(0);
      const fault = await fleet().faults.inject({ name, target: node });
      await fleet().advance(seconds);
      expect(await read(node)).toBe(0);
      expect(await read(other)).toBe(before.other);
      await fleet().faults.heal(fault.id);
      await fleet().advance(10);
      expect(await read(node)).toBe(before.node);
    },
  );

  it("refuses queue_full only once a traffic surge outgrows the admission queue, and stops after the heal", async () => {
    const rejected = async (id = "cgn-router-0") =>
      sumSamples(await fleet().scrape(id), "cgn_router_admission_rejected_total", {
        reason: "queue_full",
      });
    const inflight = async () =>
      sampleValue(await fleet().scrape("cgn-router-0"), "cgn_router_admission_inflight", {
        model: fleet().chatModel(),
        role: "decode",
      });
    const requests = async () =>
      sumSamples(await fleet().scrape("cgn-router-0"), "cgn_router_requests_total");
    // Four times the traffic fits in the queue's 128 slots: more in flight, nothing refused.
    const before = await rejected();
    const calm = await inflight();
    const fits = await fleet().faults.inject({
      name: "cognitora.admission.queue-full",
      target: "cgn-router-0",
      params: { surge: 4 },
    });
    await fleet().advance(30);
    expect(await rejected()).toBe(before);
    expect(await inflight()).toBeGreaterThan(calm);
    await fleet().faults.heal(fits.id);
    // The default surge (25) outgrows it: in flight pins at capacity, the excess is refused.
    const fault = await fleet().faults.inject({
      name: "cognitora.admission.queue-full",
      target: "cgn-router-0",
    });
    await fleet().advance(10);
    const [r0, n0] = [await rejected(), await requests()];
    await fleet().advance(30);
    const share = ((await rejected()) - r0) / ((await requests()) - n0);
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.8);
    expect(await inflight()).toBeGreaterThan(110);
    expect(await inflight()).toBeLessThanOrEqual(128);
    expect(await rejected("cgn-router-1")).toBe(0);
    // The arrivals are counted over 10 s: the refusals end within that of the heal.
    await fleet().faults.heal(fault.id);
    await fleet().advance(30);
    const after = await rejected();
    await fleet().advance(30);
    expect(await rejected()).toBe(after);
  });

  it("pushes the chat model's TTFT p99 above 2 s under cognitora.ttft.degrade, and back after the heal", async () => {
    const fault = await fleet().faults.inject({
      name: "cognitora.ttft.degrade",
      target: "cgn-agent-0",
      params: { latencySeconds: 4 },
    });
    const degraded = await fleet().routerTtft(() => fleet().advance(60));
    expect(degraded.slow / degraded.total).toBeGreaterThan(0.05);
    await fleet().faults.heal(fault.id);
    await fleet().advance(10);
    const healed = await fleet().routerTtft(() => fleet().advance(60));
    expect(healed.slow / healed.total).toBeLessThan(0.01);
  });

  it("drops cgn_router_cache_hit_ratio below 0.30 under cognitora.cache.collapse, and back after the heal", async () => {
    const ratio = async () =>
      sampleValue(await fleet().scrape("cgn-router-0"), "cgn_router_cache_hit_ratio", {
        model: fleet().chatModel(),
      });
    expect(await ratio()).toBeGreaterThan(0.45);
    const fault = await fleet().faults.inject({ name: "cognitora.cache.collapse" });
    expect(fault.nodes).toEqual(["cgn-kvcached-0"]);
    await fleet().advance(70);
    expect(await ratio()).toBeLessThan(0.2);
    expect(
      sumSamples(await fleet().scrape("cgn-kvcached-0"), "cgn_kvcached_blocks", { tier: "cpu" }),
    ).toBeLessThan(5_000);
    await fleet().faults.heal(fault.id);
    await fleet().advance(70);
    expect(await ratio()).toBeGreaterThan(0.45);
  });

  it("refuses a fault aimed at a node of another role", async () => {
    await expect(
      fleet().faults.inject({ name: "cognitora.engine.not-ready", target: "cgn-router-0" }),
    ).rejects.toThrow(
      'Failed to inject fault: node "cgn-router-0" is a cgn-router, and "cognitora.engine.not-ready" acts on cgn-agent nodes only. Target a cgn-agent node, or omit the target for all of them.',
    );
  });
});
