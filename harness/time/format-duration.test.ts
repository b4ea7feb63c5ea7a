import { describe, expect, it } from "vitest";
import { formatDuration } from "./format-duration.ts";

describe("formatDuration", () => {
  it.each([
    [0, "0s"],
    [1, "1ms"],
    [500, "500ms"],
    [1000, "1s"],
    [90_000, "1m30s"],
    [333, "333ms"],
    [2143, "2s143ms"],
    [3_600_000, "1h"],
    [86_400_000, "24h"],
    [3_723_004, "1h2m3s4ms"],
  ])("renders %d ms as %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it("refuses fractions of a millisecond", () => {
    expect(() => formatDuration(0.5)).toThrow(
      "Failed to format a duration: 0.5 is not a whole, non-negative number of milliseconds. Round it to a millisecond first.",
    );
  });
});
