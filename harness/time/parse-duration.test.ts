import { describe, expect, it } from "vitest";
import { InputError } from "../errors.ts";
import { parseDuration } from "./parse-duration.ts";

describe("parseDuration", () => {
  it.each([
    ["0", 0],
    ["500ms", 500],
    ["15s", 15_000],
    ["1m30s", 90_000],
    ["4h", 14_400_000],
    ["1d", 86_400_000],
    ["1w", 604_800_000],
    ["1y", 31_536_000_000],
    ["1h2m3s4ms", 3_723_004],
  ])("reads %s as %d ms", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(["", "5", "1.5s", "30s1m", "5 m", "-1m", "1M"])(
    "refuses %j, naming the place",
    (text) => {
      const call = () => parseDuration(text, 'rules.yml: group "g", interval');
      expect(call).toThrow(InputError);
      expect(call).toThrow(
        `Failed to parse rules.yml: group "g", interval: "${text}" is not a Prometheus duration. Write whole numbers with units y, w, d, h, m, s, ms, largest first, such as 1m30s or 500ms.`,
      );
    },
  );
});
