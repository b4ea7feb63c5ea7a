import { describe, expect, it } from "vitest";
import type { FaultSpec, FleetShape } from "./types.ts";
import { validateScenario } from "./validate-scenario.ts";

/** A scenario with one fault step, otherwise valid. */
function withFault(fault: FaultSpec, fleet: FleetShape = { cosmictron: { nodes: 2 } }) {
  return {
    name: "one-fault",
    fleet,
    duration: "10m",
    faults: [{ id: "x", at: "1m", heal: "2m", fault }],
    expect: [{ kind: "no-other-alerts" }],
  };
}

/** The message validateScenario throws for a candidate. */
function messageOf(candidate: unknown): string {
  try {
    validateScenario(candidate, "drills/x.scenario.ts");
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected validateScenario to fail");
}

describe("validateScenario: faults against their schema", () => {
  it("accepts a fault the sim defines, with params in range", () => {
    const candidate = withFault({
      name: "cosmictron.wal.fsync-stall",
      target: "cosmictron-1",
      params: { latencySeconds: 2 },
    });
    expect(validateScenario(candidate, "drills/x.scenario.ts")).toBe(candidate);
  });

  it.each<{ title: string; fault: FaultSpec; fleet?: FleetShape; message: string }>([
    {
      title: "refuses a misspelled fault name, listing the system's faults",
      fault: { name: "cosmictron.wal.fsync-stal" },
      message:
        'Invalid scenario file: drills/x.scenario.ts: faults[0].fault.name "cosmictron.wal.fsync-stal" is not a cosmictron fault (faults: cosmictron.wal.fsync-stall, cosmictron.wal.slow-fsync, cosmictron.reducer.error-burst, cosmictron.storage.fill, cosmictron.tsa.errors, cosmictron.node.crash, cosmictron.node.hang). `firedrill faults --system cosmictron` lists them.',
    },
    {
      title: "refuses a param out of its range",
      fault: { name: "cosmictron.wal.fsync-stall", params: { latencySeconds: 100 } },
      message:
        "Invalid scenario file: drills/x.scenario.ts: faults[0].fault.params.latencySeconds must be a number from 0.001 to 60 (got 100).",
    },
    {
      title: "refuses a string param outside its values",
      fault: { name: "cosmictron.tsa.errors", params: { mode: "slow" } },
      message:
        'Invalid scenario file: drills/x.scenario.ts: faults[0].fault.params.mode must be one of "error", "timeout" (got "slow").',
    },
    {
      title: "refuses an unknown param, listing the known ones",
      fault: { name: "cosmictron.storage.fill", params: { ratio: 0.5 } },
      message:
        "Invalid scenario file: drills/x.scenario.ts: faults[0].fault.params.ratio is not a param of cosmictron.storage.fill (params: fillRatio, rampSeconds).",
    },
    {
      title: "refuses a target of a role the fault does not act on",
      fault: { name: "cognitora.engine.not-ready", target: "cgn-router-0" },
      fleet: { cognitora: { routers: 1, agents: 1 } },
      message:
        'Invalid scenario file: drills/x.scenario.ts: faults[0].fault.target "cgn-router-0" is a cgn-router, and cognitora.engine.not-ready acts on cgn-agent nodes only. Target a cgn-agent node, or omit the target for all of them.',
    },
    {
      title: "refuses a target of another system",
      fault: { name: "cosmictron.node.crash", target: "reactor-0" },
      fleet: { cosmictron: { nodes: 1 }, reactor: { nodes: 1 } },
      message:
        'Invalid scenario file: drills/x.scenario.ts: faults[0].fault.target "reactor-0" is a reactor node, and cosmictron.node.crash acts on cosmictron nodes.',
    },
    {
      title: "refuses a harness fault without its required param",
      fault: { name: "receiver.outage" },
      message:
        "Invalid scenario file: drills/x.scenario.ts: faults[0].fault.params.receiver must be a string (got nothing).",
    },
  ])("$title", ({ fault, fleet, message }) => {
    expect(messageOf(withFault(fault, fleet))).toBe(message);
  });
});

describe("validateScenario: expectations by kind", () => {
  it("refuses an expectation kind the registry does not hold", () => {
    const candidate = {
      ...withFault({ name: "cosmictron.node.crash" }),
      expect: [{ kind: "fire" }],
    };
    expect(messageOf(candidate)).toBe(
      'Invalid scenario file: drills/x.scenario.ts: expect[0].kind "fire" is not an expectation kind (kinds: fires, never-fires, firing-within, spans-arrive, no-other-alerts, separate-pages). Build expectations with expectAlert, expectSpans, expectSeparatePages or expectNoOtherAlerts.',
    );
  });

  it("checks a windowed expectation's fault step", () => {
    const candidate = {
      ...withFault({ name: "cosmictron.node.crash" }),
      expect: [{ kind: "spans-arrive", after: "y", within: "1m" }],
    };
    expect(messageOf(candidate)).toBe(
      'Invalid scenario file: drills/x.scenario.ts: expect[0].after names fault "y", which the timeline does not have (faults: x).',
    );
  });
});
