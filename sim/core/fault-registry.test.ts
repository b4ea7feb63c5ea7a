import { describe, expect, it } from "vitest";
import { VirtualClock } from "./clock.ts";
import { FaultNotFoundError, FaultRequestError } from "./errors.ts";
import type { FaultDefinition } from "./fault-definition.ts";
import { FaultRegistry } from "./fault-registry.ts";
import type { SimNode } from "./sim-node.ts";

/** A node that does nothing; the fault below records what happens to it. */
function fakeNode(id: string): SimNode {
  return {
    id,
    url: `http://127.0.0.1/${id}`,
    state: "up",
    start: async () => undefined,
    crash: async () => () => undefined,
    hang: async () => () => undefined,
    flushSpans: async () => undefined,
    close: async () => undefined,
  };
}

const log: string[] = [];

const slow: FaultDefinition<SimNode> = {
  name: "demo.slow",
  description: "demo",
  params: [
    { name: "seconds", type: "number", default: 1, min: 0, max: 10, description: "How slow." },
    { name: "mode", type: "string", default: "a", values: ["a", "b"], description: "Which." },
  ],
  apply: (node, params) => {
    log.push(`apply ${node.id} ${params.number("seconds")} ${params.string("mode")}`);
    return () => {
      log.push(`heal ${node.id}`);
    };
  },
};

describe("FaultRegistry", () => {
  const registry = () =>
    new FaultRegistry({
      definitions: [slow],
      nodes: [fakeNode("n-0"), fakeNode("n-1")],
      clock: new VirtualClock(Date.UTC(2025, 0, 1)),
    });

  it("applies to every node without a target, with defaults, and heals by id", async () => {
    log.length = 0;
    const faults = registry();
    const fault = await faults.inject({ name: "demo.slow", params: { seconds: 2 } });
    expect(fault).toEqual({
      id: "f1",
      name: "demo.slow",
      target: null,
      nodes: ["n-0", "n-1"],
      params: { seconds: 2, mode: "a" },
      injectedAt: "2025-01-01T00:00:00.000Z",
    });
    expect(faults.active()).toEqual([fault]);
    await faults.heal("f1");
    expect(log).toEqual(["apply n-0 2 a", "apply n-1 2 a", "heal n-0", "heal n-1"]);
    expect(faults.active()).toEqual([]);
  });

  it("rejects bad requests with messages that say what to send", async () => {
    const faults = registry();
    const message = (request: unknown) =>
      faults.inject(request).then(
        () => "injected",
        (e: unknown) => (e instanceof FaultRequestError ? e.message : String(e)),
      );
    expect(await message({ name: "demo.fast" })).toBe(
      'Failed to inject fault: unknown fault "demo.fast". Use one of: demo.slow.',
    );
    expect(await message({ name: "demo.slow", target: "n-9" })).toBe(
      'Failed to inject fault: unknown target "n-9". Use one of: n-0, n-1, or omit it for every node.',
    );
    expect(await message({ name: "demo.slow", params: { seconds: 11 } })).toBe(
      'Failed to inject fault "demo.slow": param "seconds" must be a number from 0 to 10, got 11. Fix the params and retry.',
    );
    expect(await message({ name: "demo.slow", params: { mode: "c" } })).toBe(
      'Failed to inject fault "demo.slow": param "mode" must be one of "a", "b", got "c". Fix the params and retry.',
    );
    expect(await message({ name: "demo.slow", params: { speed: 1 } })).toBe(
      'Failed to inject fault "demo.slow": unknown param "speed" (known: "seconds", "mode"). Fix the params and retry.',
    );
    await expect(faults.heal("f7")).rejects.toBeInstanceOf(FaultNotFoundError);
  });
});

describe("FaultRegistry with role-scoped faults", () => {
  const agentOnly: FaultDefinition<SimNode> = { ...slow, name: "demo.agent", roles: ["agent"] };
  const registry = () =>
    new FaultRegistry({
      definitions: [agentOnly],
      nodes: [
        { ...fakeNode("router-0"), role: "router" },
        { ...fakeNode("agent-0"), role: "agent" },
        { ...fakeNode("agent-1"), role: "agent" },
      ],
      clock: new VirtualClock(Date.UTC(2025, 0, 1)),
    });

  it("applies to the nodes of its roles only when no target is given", async () => {
    const fault = await registry().inject({ name: "demo.agent" });
    expect(fault.nodes).toEqual(["agent-0", "agent-1"]);
  });

  it("refuses a target of another role", async () => {
    await expect(registry().inject({ name: "demo.agent", target: "router-0" })).rejects.toThrow(
      new FaultRequestError(
        'Failed to inject fault: node "router-0" is a router, and "demo.agent" acts on agent nodes only. Target a agent node, or omit the target for all of them.',
      ),
    );
  });
});
