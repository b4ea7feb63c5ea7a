import { describe, expect, it } from "vitest";
import { InputError } from "../errors.ts";
import { scaleDuration } from "./scale-duration.ts";

describe("scaleDuration", () => {
  it.each([
    ["30s", 30, "1s"],
    ["5m", 30, "10s"],
    ["15s", 30, "500ms"],
    ["10s", 40, "250ms"],
    ["4h", 30, "8m"],
    ["1d", 30, "48m"],
    ["90s", 2, "45s"],
    ["14s", 7, "2s"],
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

  it("refuses a speed that does not divide the duration exactly and names the nearest that do", () => {
    expect(() => scaleDuration("5s", 30, "prometheus.yml: evaluation_interval")).toThrow(
      "Failed to scale prometheus.yml: evaluation_interval: 5s / 30 = 166.667ms, not a whole number of milliseconds, and rounding it would drift the drill's timing. Run at speed 25 or 40, which divide 5s exactly.",
    );
    expect(() => scaleDuration("1s", 30)).toThrow(
      "Failed to scale the duration 1s: 1s / 30 = 33.333ms, not a whole number of milliseconds, and rounding it would drift the drill's timing. Run at speed 25 or 40, which divide 1s exactly.",
    );
    expect(() => scaleDuration("15s", 7)).toThrow("Run at speed 6 or 8, which divide 15s exactly.");
  });

  it.each([0, -2, Number.NaN, Number.POSITIVE_INFINITY])("refuses speed %d", (speed) => {
    expect(() => scaleDuration("1m", speed)).toThrow(
      `Failed to scale time: speed ${speed} is not a positive number. Pass a speed such as 1 (real time) or 30 (30 fleet seconds per wall second).`,
    );
  });
});
