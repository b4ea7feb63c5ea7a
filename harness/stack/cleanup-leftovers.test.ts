import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { cleanupLeftovers } from "./cleanup-leftovers.ts";

describe("cleanupLeftovers", () => {
  it("kills a process whose FIREDRILL_OWNER_PID names a dead process, and only that", async () => {
    const dead = await execa("node", ["-e", "console.log(process.pid)"]);
    const deadPid = Number(dead.stdout);
    const runId = `leftover-${process.pid}`;
    const orphan = execa("node", ["-e", "setInterval(() => {}, 1000)"], {
      env: { FIREDRILL_RUN: runId, FIREDRILL_OWNER_PID: String(deadPid) },
      reject: false,
    });
    const owned = execa("node", ["-e", "setInterval(() => {}, 1000)"], {
      env: { FIREDRILL_RUN: `${runId}-owned`, FIREDRILL_OWNER_PID: String(process.pid) },
      reject: false,
    });
    try {
      // Wait until both children have been exec'd with their environment ('spawn').
      await Promise.all(
        [orphan, owned].map((c) => new Promise((resolve) => c.once("spawn", resolve))),
      );
      const seen: number[] = [];
      const removed = await cleanupLeftovers({
        onProgress: (leftover) => leftover.kind === "process" && seen.push(leftover.pid),
      });
      const mine = removed.filter(
        (leftover) => leftover.kind === "process" && leftover.runId === runId,
      );
      expect(mine).toEqual([
        {
          kind: "process",
          pid: orphan.pid,
          runId,
          ownerPid: deadPid,
          command: "node -e setInterval(() => {}, 1000)",
        },
      ]);
      expect(seen).toContain(orphan.pid);
      expect((await orphan).signal).toBe("SIGTERM");
      expect(owned.exitCode).toBe(null);
    } finally {
      orphan.kill("SIGKILL");
      owned.kill("SIGKILL");
      await Promise.all([orphan, owned]);
    }
  });

  it("is fast when there is nothing to remove", async () => {
    await cleanupLeftovers();
    const started = performance.now();
    await cleanupLeftovers();
    expect(performance.now() - started).toBeLessThan(200);
  });
});
