import { describe, expect, it } from "vitest";
import { runPool } from "./run-pool.ts";

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("runPool", () => {
  it("runs every item, at most `jobs` at once", async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await runPool([1, 2, 3, 4, 5], 2, async (n) => {
      running++;
      most = Math.max(most, running);
      await tick();
      done.push(n);
      running--;
    });
    expect(done.sort()).toEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(2);
  });

  it("stops taking items after the first error, aborts the others, and rethrows it", async () => {
    const started: number[] = [];
    let sawAbort = false;
    const run = runPool([1, 2, 3, 4], 2, async (n, signal) => {
      started.push(n);
      if (n === 1) throw new Error("one broke");
      await tick();
      sawAbort ||= signal.aborted;
    });
    await expect(run).rejects.toThrow("one broke");
    expect(started).toEqual([1, 2]);
    expect(sawAbort).toBe(true);
  });

  it("passes a parent's abort on, and leaves no listener on it", async () => {
    const parent = new AbortController();
    let added = 0;
    let removed = 0;
    const signal = parent.signal;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = ((...a: Parameters<typeof add>) => {
      added++;
      add(...a);
    }) as typeof add;
    signal.removeEventListener = ((...a: Parameters<typeof remove>) => {
      removed++;
      remove(...a);
    }) as typeof remove;
    const seen: boolean[] = [];
    await runPool(
      [1, 2, 3],
      1,
      async (n, s) => {
        if (n === 1) parent.abort();
        seen.push(s.aborted);
      },
      signal,
    );
    expect(seen).toEqual([true]);
    expect([added, removed]).toEqual([1, 1]);
  });
});
