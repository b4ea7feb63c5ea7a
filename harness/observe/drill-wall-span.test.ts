import { describe, expect, it } from "vitest";
import { drillWallSpan } from "./drill-wall-span.ts";

describe("drillWallSpan", () => {
  it("spans the timeline's wall time from fleet t=0 to its end and keeps its mapping", () => {
    const toFleetSeconds = (wallMs: number) => (wallMs - 1_000) / 100;
    const span = drillWallSpan({ toWallMs: (s) => 1_000 + s * 100, toFleetSeconds, end: 90 });
    expect(span).toEqual({ startWallMs: 1_000, endWallMs: 10_000, toFleetSeconds });
  });
});
