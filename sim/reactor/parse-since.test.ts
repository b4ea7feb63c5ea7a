import { describe, expect, it } from "vitest";
import { parseSince } from "./parse-since.ts";

const now = Date.UTC(2026, 4, 29, 12);

describe("parseSince", () => {
  it("reads RFC 3339 times and durations back from now", () => {
    expect(parseSince("2026-05-29T00:00:00Z", now)).toBe(Date.UTC(2026, 4, 29));
    expect(parseSince("2026-05-29T02:00:00+02:00", now)).toBe(Date.UTC(2026, 4, 29));
    expect(parseSince("2026-05-29T11:59:59.500Z", now)).toBe(now - 500);
    expect(parseSince("1h", now)).toBe(now - 3_600_000);
    expect(parseSince("1h30m", now)).toBe(now - 5_400_000);
    expect(parseSince("90s", now)).toBe(now - 90_000);
    expect(parseSince("2d", now)).toBe(now - 172_800_000);
  });

  it("refuses anything else", () => {
    for (const text of ["", "yesterday", "1 h", "-1h", "2026-05-29", "h"]) {
      expect(parseSince(text, now), text).toBeUndefined();
    }
  });
});
