import { describe, expect, it } from "vitest";
import { VirtualClock } from "./clock.ts";
import { RepeatingTimer } from "./repeating-timer.ts";

describe("RepeatingTimer", () => {
  it("runs its callback every interval between start and stop, and a second start replaces the first", () => {
    const clock = new VirtualClock();
    const at: number[] = [];
    const timer = new RepeatingTimer(clock, 1000, () => at.push(clock.now()));
    timer.start();
    clock.advance(2500);
    timer.start();
    clock.advance(2000);
    timer.stop();
    clock.advance(5000);
    expect(at).toEqual([1000, 2000, 3500, 4500]);
  });
});
