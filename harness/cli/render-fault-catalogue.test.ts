import { describe, expect, it } from "vitest";
import type { SystemFault } from "../../sim/index.ts";
import { renderFaultCatalogue } from "./render-fault-catalogue.ts";

const faults: SystemFault[] = [
  {
    system: "alpha",
    name: "alpha.disk.slow",
    description: "The disk is slow.",
    params: [
      { name: "seconds", type: "number", default: 1.5, min: 0.1, max: 60, description: "Delay." },
      { name: "atLeast", type: "number", default: 0, min: 0, description: "Lower bound only." },
      {
        name: "mode",
        type: "string",
        default: "error",
        values: ["error", "timeout"],
        description: "How.",
      },
      { name: "loud", type: "boolean", default: false, description: "Whether to log it." },
    ],
  },
  { system: "alpha", name: "alpha.node.crash", description: "It dies.", params: [] },
  {
    system: "beta",
    name: "beta.queue.full",
    description: "The queue is full.",
    roles: ["router", "proxy"],
    params: [],
  },
];

describe("renderFaultCatalogue", () => {
  it("groups faults by system and lines up each system's params", () => {
    expect(renderFaultCatalogue(faults)).toMatchInlineSnapshot(`
      "alpha: 2 faults

        alpha.disk.slow
          The disk is slow.
          seconds  number   default 1.5      [0.1, 60]
                   Delay.
          atLeast  number   default 0        >= 0
                   Lower bound only.
          mode     string   default "error"  error | timeout
                   How.
          loud     boolean  default false
                   Whether to log it.

        alpha.node.crash
          It dies.
          no params

      beta: 1 fault

        beta.queue.full  (router, proxy nodes only)
          The queue is full.
          no params
      "
    `);
  });

  it("wraps long descriptions to 100 columns", () => {
    const description = Array.from({ length: 30 }, (_, i) => `word${i}`).join(" ");
    const text = renderFaultCatalogue([{ system: "a", name: "a.x", description, params: [] }]);
    const lines = text.split("\n").slice(3, -2);
    expect(lines.map((l) => l.length)).toEqual([98, 94, 17]);
    expect(lines.map((l) => l.trim()).join(" ")).toBe(description);
  });
});
