import { describe, expect, it } from "vitest";
import { SeededRandom } from "../core/seeded-random.ts";
import { RaftGroup } from "./raft-group.ts";

/** Ticks a group once per fleet second for `seconds`; returns elections and the longest gap. */
function run(
  raft: RaftGroup,
  seconds: number,
  view: { eligible: number[]; quorum: boolean; blocked: boolean; stepDownChance: number },
  from = 0,
): { elections: number; longestGapMs: number; end: number } {
  let elections = 0;
  let gapStart: number | undefined;
  let longestGapMs = 0;
  for (let t = from; t < from + seconds * 1000; t += 1000) {
    if (raft.tick(t, view) === "elected") elections++;
    if (raft.leader === undefined) gapStart ??= t;
    else if (gapStart !== undefined) {
      longestGapMs = Math.max(longestGapMs, t - gapStart);
      gapStart = undefined;
    }
  }
  const end = from + seconds * 1000;
  if (gapStart !== undefined) longestGapMs = Math.max(longestGapMs, end - gapStart);
  return { elections, longestGapMs, end };
}

describe("RaftGroup", () => {
  it("churns leaders often under turbulence but never leaves a leaderless gap of 30 s", () => {
    const raft = new RaftGroup(new SeededRandom("churn"));
    const result = run(raft, 3_600, {
      eligible: [0, 1, 2],
      quorum: true,
      blocked: false,
      stepDownChance: 3 / 60,
    });
    expect(result.elections).toBeGreaterThan(120);
    expect(result.longestGapMs).toBeLessThanOrEqual(3_000);
  });

  it("changes leader to another member when the leader steps down", () => {
    const raft = new RaftGroup(new SeededRandom("handover"));
    const view = { eligible: [0, 1, 2], quorum: true, blocked: false, stepDownChance: 0 };
    run(raft, 5, view);
    const first = raft.leader;
    expect(first).toBeDefined();
    run(raft, 1, { ...view, stepDownChance: 1 }, 5_000);
    run(raft, 5, view, 6_000);
    expect(raft.leader).toBeDefined();
    expect(raft.leader).not.toBe(first);
  });

  it("has no leader while blocked or without a quorum, and elects one within seconds after", () => {
    const raft = new RaftGroup(new SeededRandom("blocked"));
    const view = { eligible: [0, 1, 2], quorum: true, blocked: false, stepDownChance: 0 };
    run(raft, 5, view);
    const blocked = run(raft, 60, { ...view, blocked: true }, 5_000);
    expect(raft.leader).toBeUndefined();
    expect(blocked.longestGapMs).toBe(60_000);
    run(raft, 60, { ...view, eligible: [2], quorum: false }, 65_000);
    expect(raft.leader).toBeUndefined();
    const healed = run(raft, 5, view, 125_000);
    expect(raft.leader).toBeDefined();
    expect(healed.elections).toBe(1);
  });
});
