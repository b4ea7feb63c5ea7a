import { describe, expect, it } from "vitest";
import type { Clock, Timer } from "../core/clock.ts";
import { SeededRandom } from "../core/seeded-random.ts";
import { LatticeMetrics } from "./lattice-metrics.ts";
import { ORGANISMS } from "./lattice-organisms.ts";
import { LATTICE_PARAMETERS } from "./lattice-parameters.ts";
import { LatticeRuntime } from "./lattice-runtime.ts";

/** A starved process: fleet time moves on, but no timer ever gets to fire. */
class StarvedClock implements Clock {
  readonly speed = 30;
  nowMs = LATTICE_PARAMETERS.genesisMs + 1_000 * LATTICE_PARAMETERS.slotMs + 5_000;
  now(): number {
    return this.nowMs;
  }
  elapsed(): number {
    return this.nowMs;
  }
  setTimeout(): Timer {
    return { cancel: () => undefined };
  }
  setInterval(): Timer {
    return { cancel: () => undefined };
  }
}

describe("LatticeRuntime", () => {
  it("runs the slots fleet time has passed when scraped, though its timers are late", () => {
    const clock = new StarvedClock();
    const runtime = new LatticeRuntime({ name: "lattice0", clock, random: new SeededRandom(1) });
    // What zipnet's member wrote about each slot (committed, or missed: no Raft tick ran either).
    const slots: string[] = [];
    for (const organism of ORGANISMS) {
      runtime.add({
        id: `lattice0-${organism}-0`,
        organism,
        member: 0,
        running: true,
        chainLagSeconds: 0,
        metrics: new LatticeMetrics({
          lattice: "lattice0",
          latticeId: runtime.latticeId,
          organism,
          role: "member",
        }),
        log: (_level, target, message) => {
          if (target === "lattice::zipnet") slots.push(message);
        },
      });
    }
    runtime.start();
    runtime.runSlotsDue();
    expect(slots).toEqual([]); // still inside the slot it started in
    clock.nowMs += 3 * LATTICE_PARAMETERS.slotMs; // three boundaries pass, no timer fires
    runtime.runSlotsDue();
    runtime.runSlotsDue();
    expect(slots).toEqual(["slot missed", "slot missed", "slot missed"]); // each slot once
  });
});
