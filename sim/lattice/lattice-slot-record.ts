import type { SeededRandom } from "../core/seeded-random.ts";
import type { LatticeMember } from "./lattice-member.ts";
import { LATENCY_METRIC, type SlotOutcome } from "./lattice-slot-model.ts";

/**
 * Writes one organism's slot outcome to its running members: the latency histogram, the commit
 * counter and the organism's own counters (`extra`, replicated: the same on every member), and
 * the slot's log line. `spikeOf` gives a member's own commit latency where it spikes (the
 * organism's commit stands: a member's slow commit is slow, not missed).
 */
export function recordSlot(
  members: readonly LatticeMember[],
  outcome: SlotOutcome,
  extra: readonly [string, number][],
  random: SeededRandom,
  spikeOf: (member: LatticeMember) => number | undefined = () => undefined,
): void {
  const { organism, committed, latency } = outcome;
  const histogram = LATENCY_METRIC[organism];
  for (const member of members) {
    if (latency !== undefined && histogram) {
      const own = committed ? spikeOf(member) : undefined;
      member.metrics
        .histogram(histogram)
        .observe(Math.max(own ?? 0, latency) * random.uniform(0.95, 1.05));
    }
    if (committed) {
      member.metrics.counter(`${organism}_commits_per_slot`).inc();
      for (const [name, value] of extra) if (value > 0) member.metrics.counter(name).inc(value);
      member.log("debug", `lattice::${organism}`, "slot committed", {
        latency_ms: Math.round((latency ?? 0) * 1000),
      });
    } else {
      member.log("warn", `lattice::${organism}`, "slot missed", { reason: outcome.reason });
    }
  }
  if (
    organism === "relay" &&
    extra.some(([n, v]) => n === "relay_on_chain_mismatches_total" && v > 0)
  ) {
    members[0]?.log("error", "lattice::relay", "accepted header did not land on chain", {});
  }
}
