import { describe, expect, it } from "vitest";
import { SeededRandom } from "../core/seeded-random.ts";
import { ReactorDbPool } from "./reactor-db-pool.ts";

/**
 * Offers a pool of 20 `perSecond` requests a second for `seconds`, each holding its connection
 * `holdSeconds`, and reports what came of them and the pool's gauges at the end.
 */
function load(perSecond: number, holdSeconds: number, seconds = 120) {
  const pool = new ReactorDbPool({ max: 20, timeoutSeconds: 5, random: new SeededRandom(3) });
  let timedOut = 0;
  let waited = 0;
  let now = 0;
  for (let s = 0; s < seconds; s++) {
    for (let i = 0; i < perSecond; i++) {
      const acquire = pool.acquire(now + (i * 1000) / perSecond, holdSeconds);
      if (acquire.timedOut) timedOut++;
      else waited = Math.max(waited, acquire.waitSeconds);
    }
    now += 1000;
    pool.settle(now);
  }
  return { timedOut: timedOut / (perSecond * seconds), waited, ...pool.stats(now) };
}

describe("ReactorDbPool", () => {
  it("opens connections as the load needs them: in use is arrivals times hold time", () => {
    const light = load(10, 0.02);
    expect(light).toMatchObject({ timedOut: 0, waiting: 0, exhausted: false });
    expect(light.size).toBeLessThanOrEqual(3);
    const busier = load(10, 1.2);
    expect(busier.timedOut).toBe(0);
    expect(busier.size).toBeGreaterThanOrEqual(12);
    expect(busier.size).toBeLessThanOrEqual(20);
  });

  it("runs dry only when the load times the hold time outgrows the pool, then times acquires out", () => {
    // 16 a second held 1 s need 16 of 20 connections: slower requests, no failures.
    expect(load(16, 1).timedOut).toBe(0);
    // Held 10 s they need 160: the pool serves 2 a second and the rest wait past 5 s.
    const dry = load(16, 10);
    expect(dry).toMatchObject({ size: 20, idle: 0, exhausted: true });
    expect(dry.waiting).toBeGreaterThan(10);
    expect(dry.timedOut).toBeGreaterThan(0.8);
    expect(dry.waited).toBeGreaterThan(1);
  });

  it("closes connections idle for 30 s, down to two", () => {
    const pool = new ReactorDbPool({ max: 20, timeoutSeconds: 5, random: new SeededRandom(1) });
    for (let i = 0; i < 15; i++) pool.acquire(0, 1);
    expect(pool.stats(500)).toMatchObject({ size: 15, idle: 0 });
    pool.settle(10_000);
    expect(pool.stats(10_000)).toMatchObject({ size: 15, idle: 15 });
    pool.settle(40_000);
    expect(pool.stats(40_000).size).toBe(2);
  });
});
