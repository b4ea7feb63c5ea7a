import { appendFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { StartupError } from "../../errors.ts";
import { Wait } from "./wait.ts";

describe("LogWaitStrategy", () => {
  it("returns once a matching line is logged, and names the pattern at the deadline", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "firedrill-logwait-"));
    try {
      const logFile = path.join(dir, "c.log");
      await writeFile(logFile, "starting\n");
      const target = { component: "collector", logFile, exitReason: () => undefined };
      setTimeout(
        () => void appendFile(logFile, "Everything is ready. Begin running and processing data.\n"),
        100,
      );
      await Wait.forLogMessage(/Everything is ready/)
        .withPollInterval(20)
        .waitUntilReady(target);

      let now = 0;
      const error = await Wait.forLogMessage("never", 2)
        .withStartupTimeout(500)
        .withClock({
          now: () => now,
          sleep: async (ms) => {
            now += ms;
          },
        })
        .waitUntilReady(target)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StartupError);
      expect((error as StartupError).message).toBe(
        `Failed to start collector: waited 0.5 s for a log line matching "never" 2 times. Check its config and its log, or allow it more time (${logFile}); its last log lines:\nstarting\nEverything is ready. Begin running and processing data.`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
