import { describe, expect, it } from "vitest";
import { wrapWords } from "./wrap-words.ts";

describe("wrapWords", () => {
  it("fills lines up to the width", () => {
    expect(wrapWords("the quick brown fox jumps".split(" "), 9)).toEqual([
      "the quick",
      "brown fox",
      "jumps",
    ]);
  });

  it("gives a word longer than the width a line of its own", () => {
    expect(wrapWords(["a", "abcdefghij", "b"], 4)).toEqual(["a", "abcdefghij", "b"]);
  });

  it("gives no lines for no words", () => {
    expect(wrapWords([], 10)).toEqual([]);
  });
});
