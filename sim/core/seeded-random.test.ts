import { describe, expect, it } from "vitest";
import { SeededRandom } from "./seeded-random.ts";

describe("SeededRandom", () => {
  it("gives the same sequence and the same faker output for the same seed", () => {
    const a = new SeededRandom(42);
    const b = new SeededRandom("42");
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(
      Array.from({ length: 5 }, () => b.next()),
    );
    expect(a.derive("x").faker.person.fullName()).toBe(b.derive("x").faker.person.fullName());
    expect(new SeededRandom(43).next()).not.toBe(new SeededRandom(42).next());
  });

  it("draws Poisson counts around their mean", () => {
    const random = new SeededRandom("poisson");
    const n = 5_000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += random.poisson(3);
    expect(sum / n).toBeGreaterThan(2.85);
    expect(sum / n).toBeLessThan(3.15);
  });
});
