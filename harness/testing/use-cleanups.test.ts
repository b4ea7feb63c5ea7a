import { afterAll, describe, expect, it } from "vitest";
import { useCleanups } from "./use-cleanups.ts";

describe("useCleanups", () => {
  const ran: string[] = [];
  const defer = useCleanups();
  afterAll(() => {
    expect(ran).toEqual(["second", "first", "third"]);
  });

  it("runs what a test deferred after it, newest first", () => {
    defer(async () => ran.push("first"));
    defer(async () => ran.push("second"));
    expect(ran).toEqual([]);
  });

  it("runs each cleanup once, after the test that deferred it", () => {
    expect(ran).toEqual(["second", "first"]);
    defer(async () => ran.push("third"));
  });
});
