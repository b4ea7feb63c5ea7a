import { describe, expect, it } from "vitest";
import { SeededRandom } from "../core/seeded-random.ts";
import { generateModules } from "./cosmictron-modules.ts";

/** Module and reducer names only. */
function names(seed: number) {
  return generateModules(new SeededRandom(seed).derive("cosmictron/modules")).map((m) => ({
    module: m.name,
    reducers: m.reducers.map((r) => r.name),
  }));
}

describe("generateModules", () => {
  it("draws the same modules and reducers from the same seed, other ones from another", () => {
    expect(names(42)).toEqual(names(42));
    expect(names(43)).not.toEqual(names(42));
  });

  it("names modules in kebab-case and reducers in snake_case, unique within their scope", () => {
    const modules = names(7);
    expect(modules).toHaveLength(3);
    expect(new Set(modules.map((m) => m.module)).size).toBe(3);
    for (const m of modules) {
      expect(m.module).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(m.reducers.length).toBeGreaterThanOrEqual(3);
      expect(new Set(m.reducers).size).toBe(m.reducers.length);
      for (const r of m.reducers) expect(r).toMatch(/^[a-z0-9]+(_[a-z0-9]+)*$/);
    }
  });
});
