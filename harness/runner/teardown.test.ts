import { describe, expect, it } from "vitest";
import { Teardown } from "./teardown.ts";

describe("Teardown", () => {
  it("stops newest first when its block ends, and says which stop failed without skipping the rest", async () => {
    const events: string[] = [];
    await (async () => {
      await using teardown = new Teardown((what, error) =>
        events.push(`failed: ${what}: ${(error as Error).message}`),
      );
      teardown.defer("the sink", async () => events.push("sink stopped"));
      teardown.defer("the fleet", async () => {
        throw new Error("host did not exit");
      });
      teardown.defer("the stack", async () => events.push("stack stopped"));
    })();
    expect(events).toEqual([
      "stack stopped",
      "failed: the fleet: host did not exit",
      "sink stopped",
    ]);
  });

  it("stops what started when the block throws, and the block's error is the one thrown", async () => {
    const events: string[] = [];
    const run = async () => {
      await using teardown = new Teardown(() => events.push("unexpected failure"));
      teardown.defer("the sink", async () => events.push("sink stopped"));
      throw new Error("the stack would not start");
    };
    await expect(run()).rejects.toThrow("the stack would not start");
    expect(events).toEqual(["sink stopped"]);
  });
});
