import { describe, expect, it } from "vitest";
import { VirtualClock } from "./clock.ts";

describe("VirtualClock", () => {
  it("runs due timers in order of due time, then of when they were added", () => {
    const clock = new VirtualClock(1000);
    const ran: string[] = [];
    clock.setTimeout(() => ran.push(`b@${clock.now()}`), 20);
    clock.setTimeout(() => ran.push(`a@${clock.now()}`), 10);
    clock.setTimeout(() => ran.push(`c@${clock.now()}`), 20);
    clock.setTimeout(() => ran.push(`late@${clock.now()}`), 31);
    clock.advance(30);
    expect(ran).toEqual(["a@1010", "b@1020", "c@1020"]);
    expect(clock.now()).toBe(1030);
    expect(clock.elapsed()).toBe(30);
  });

  it("repeats an interval at its period and keeps its place among timers due at once", () => {
    const clock = new VirtualClock(0);
    const ran: string[] = [];
    clock.setInterval(() => ran.push(`tick@${clock.now()}`), 10);
    clock.setTimeout(() => ran.push(`once@${clock.now()}`), 20);
    clock.advance(30);
    expect(ran).toEqual(["tick@10", "tick@20", "once@20", "tick@30"]);
  });

  it("runs a timer added by a timer in the same advance when it falls due within it", () => {
    const clock = new VirtualClock(0);
    const ran: string[] = [];
    clock.setTimeout(() => {
      ran.push(`outer@${clock.now()}`);
      clock.setTimeout(() => ran.push(`inner@${clock.now()}`), 0);
      clock.setTimeout(() => ran.push(`after@${clock.now()}`), 100);
    }, 5);
    clock.advance(50);
    expect(ran).toEqual(["outer@5", "inner@5"]);
  });

  it("never runs a cancelled timer, nor an interval after it cancels itself", () => {
    const clock = new VirtualClock(0);
    const ran: number[] = [];
    const dropped = clock.setTimeout(() => ran.push(-1), 5);
    dropped.cancel();
    const interval = clock.setInterval(() => {
      ran.push(clock.now());
      if (clock.now() >= 20) interval.cancel();
    }, 10);
    clock.advance(100);
    expect(ran).toEqual([10, 20]);
  });

  it("keeps order over many timers", () => {
    const clock = new VirtualClock(0);
    const ran: number[] = [];
    const delays = Array.from({ length: 500 }, (_, i) => (i * 7919) % 1000);
    for (const d of delays) clock.setTimeout(() => ran.push(clock.now()), d);
    clock.advance(1000);
    expect(ran).toEqual([...delays].sort((a, b) => a - b));
  });
});
