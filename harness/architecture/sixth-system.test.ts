import { describe, expect, expectTypeOf, it, vi } from "vitest";
import type { FleetShapeOf, SystemName } from "../../sim/index.ts";
import type { systems as realSystems } from "../../sim/systems.ts";
import type { SystemFaultFactories } from "../scenario/faults/system-fault-factories.ts";
import type { FleetShape } from "../scenario/types.ts";

// A sixth system, built as a new folder under sim/ would build it: a uniform topology, a
// definition, the crash and hang every system has, and its fault schema with node targets.
const { sixthModule, sixthSchema } = await vi.hoisted(async () => {
  const { defineSystem } = await import("../../sim/core/define-system.ts");
  const { lifecycleFaultSchema } = await import("../../sim/core/lifecycle-fault-schema.ts");
  const { lifecycleFaults } = await import("../../sim/core/lifecycle-faults.ts");
  const { byNode } = await import("../../sim/core/node-target.ts");
  const { uniformTopology } = await import("../../sim/core/uniform-topology.ts");
  const module = defineSystem({
    topology: uniformTopology({
      system: "sixth",
      description: "sixth-system nodes",
      defaultNodes: 1,
    }),
    definition: {
      name: "sixth",
      start: () => Promise.reject(new Error("the sixth system is never started")),
    },
    faults: () => lifecycleFaults("sixth"),
    faultSchemas: [{ schema: lifecycleFaultSchema("sixth"), target: byNode }],
  });
  return { sixthModule: module, sixthSchema: lifecycleFaultSchema("sixth") };
});

// The one edit outside the new folder is its line in sim/system-modules.ts, which sim/systems.ts
// lists; the mock adds the sixth module to that list.
vi.mock("../../sim/systems.ts", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../sim/systems.ts")>();
  return { systems: [...original.systems, sixthModule] };
});

/** The system table with the sixth system, as its type would be after the edit. */
type WithSixth = readonly [...typeof realSystems, typeof sixthModule];

const { faultCatalogue, systemRegistry, systems, topologyRegistry } = await import(
  "../../sim/index.ts"
);
const { faults } = await import("../scenario/faults/faults.ts");
const { fleetNodeIds } = await import("../scenario/fleet-nodes.ts");
const { validateScenario } = await import("../scenario/validate-scenario.ts");
const api = await import("../api.ts");

describe("a sixth system", () => {
  it("is hosted, shaped and listed in the fault catalogue from its entry in sim/systems.ts", () => {
    const names = systems.map((m) => m.name);
    expect(names.at(-1)).toBe("sixth");
    expect([...systemRegistry.keys()]).toEqual(names);
    expect([...topologyRegistry.keys()]).toEqual(names);
    expect(fleetNodeIds({ sixth: { nodes: 2 } } as FleetShape)).toEqual(
      new Map([["sixth", ["sixth-0", "sixth-1"]]]),
    );
    expect(faultCatalogue().filter((f) => f.system === "sixth")).toEqual([
      {
        system: "sixth",
        name: "sixth.node.crash",
        description: sixthSchema.nodeCrash.description,
        params: [],
      },
      {
        system: "sixth",
        name: "sixth.node.hang",
        description: sixthSchema.nodeHang.description,
        params: [],
      },
    ]);
  });

  it("gets scenario fault factories that scenarios' faults are validated against", () => {
    const sixth = (faults as unknown as SystemFaultFactories<WithSixth>).sixth;
    expect(Object.keys(faults)).toEqual(systems.map((m) => m.name));
    expect(sixth.nodeCrash({ node: "sixth-1" })).toEqual({
      name: "sixth.node.crash",
      target: "sixth-1",
      params: {},
    });
    const scenario = {
      name: "sixth-crash",
      fleet: { sixth: { nodes: 2 } },
      duration: "5m",
      faults: [{ id: "crash", at: "1m", heal: "2m", fault: sixth.nodeHang({ node: "sixth-0" }) }],
      expect: [{ kind: "no-other-alerts" }],
    };
    expect(validateScenario(scenario, "scenarios/sixth/crash.scenario.ts")).toBe(scenario);
  });

  it("is in FleetShape, the fault namespaces and simHost.kill's union by type", () => {
    expectTypeOf<FleetShapeOf<WithSixth>["sixth"]>().toEqualTypeOf<
      { readonly nodes: number } | undefined
    >();
    expectTypeOf<SystemName<WithSixth>>().toEqualTypeOf<SystemName | "sixth">();
    expectTypeOf<keyof SystemFaultFactories<WithSixth>["sixth"]>().toEqualTypeOf<
      "nodeCrash" | "nodeHang"
    >();
  });
});

describe("the per-system lists of today", () => {
  it("are the ones derived from sim/systems.ts", () => {
    expectTypeOf<FleetShape>().toEqualTypeOf<FleetShapeOf>();
    expectTypeOf<Parameters<typeof api.simHost.kill>[0]>().toEqualTypeOf<SystemName>();
    expectTypeOf(faults).toEqualTypeOf<SystemFaultFactories<typeof realSystems>>();
    expect([api.cognitora, api.cosmictron, api.dsfb, api.lattice, api.reactor]).toEqual([
      faults.cognitora,
      faults.cosmictron,
      faults.dsfb,
      faults.lattice,
      faults.reactor,
    ]);
    expect(api.faults).toBe(faults);
  });
});
