import { describe, expect, it } from "vitest";
import { InputError } from "../errors.ts";
import { scaleDuration } from "./scale-duration.ts";

describe("scaleDuration", () => {
  it.each([
    ["30s", 30, "1s"],
    ["5m", 30, "10s"],
    ["15s", 30, "500ms"],
    ["10s", 30, "333ms"],
    ["4h", 30, "8m"],
    ["1d", 30, "48m"],
    ["90s", 2, "45s"],
    ["15s", 7, "2s143ms"],
    ["1m", 0.5, "2m"],
    ["0", 30, "0s"],
  ])("scales %s at speed %d to %s", (text, speed, scaled) => {
    expect(scaleDuration(text, speed)).toBe(scaled);
  });

  it("returns the text unchanged at speed 1", () => {
    expect(scaleDuration("90s", 1)).toBe("90s");
  });

  it("refuses a duration the speed pushes below a millisecond", () => {
    const call = () => scaleDuration("5ms", 30, 'rules.yml: group "g", interval');
    expect(call).toThrow(InputError);
    expect(call).toThrow(
      'Failed to scale rules.yml: group "g", interval: 5ms / 30 = 0.167ms, below the 1ms that Prometheus resolves. Run at speed 5 or lower, or lengthen the duration.',
    );
  });

  it("refuses a duration whole milliseconds cannot approach within 1%", () => {
    expect(() => scaleDuration("5ms", 3)).toThrow(
      "Failed to scale the duration 5ms: 5ms / 3 = 1.667ms, which whole milliseconds can only round to 2ms (20% off). Choose a speed that divides 5ms into whole milliseconds, or a lower one.",
    );
  });

  it.each([0, -2, Number.NaN, Number.POSITIVE_INFINITY])("refuses speed %d", (speed) => {
    expect(() => scaleDuration("1m", speed)).toThrow(
      `Failed to scale time: speed ${speed} is not a positive number. Pass a speed such as 1 (real time) or 30 (30 fleet seconds per wall second).`,
    );
  });
});
