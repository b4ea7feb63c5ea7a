import { describe, expect, it } from "vitest";
import { misspellMatcher } from "./misspell-matcher.ts";

const value = (text: string) => ({ from: 0, to: text.length, text });

describe("misspellMatcher", () => {
  it("misspells an equality's value and groups a regex's alternatives, keeping the quotes", () => {
    expect(misspellMatcher({ op: "=", value: value('"cosmictron"') })).toBe('"cosmictron-typo"');
    expect(misspellMatcher({ op: "=~", value: value('"critical|page"') })).toBe(
      '"(critical|page)-typo"',
    );
    expect(misspellMatcher({ op: "=", value: value("'x'") })).toBe("'x-typo'");
  });
});
