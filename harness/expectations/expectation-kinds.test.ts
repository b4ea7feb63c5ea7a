import { describe, expect, it } from "vitest";
import type { Expectation } from "../scenario/types.ts";
import { expectationKind } from "./expectation-kinds.ts";

describe("expectationKind", () => {
  it("finds each kind's own file", () => {
    const e: Expectation = { kind: "never-fires", alert: "X", labels: {} };
    expect(expectationKind(e).kind).toBe("never-fires");
    expect(expectationKind(e).coverage(e)).toEqual({ claim: "silent", alert: "X" });
  });

  it("refuses an unknown kind instead of judging it as another", () => {
    const e = { kind: "no-others" } as unknown as Expectation;
    expect(() => expectationKind(e)).toThrow(
      'Unknown expectation kind "no-others" (kinds: fires, never-fires, firing-within, spans-arrive, no-other-alerts, separate-pages)',
    );
  });
});
