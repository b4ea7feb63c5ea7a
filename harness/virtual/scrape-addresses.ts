import type { PlannedSystem } from "../runner/plan-fleet.ts";

/**
 * Gives every scrape target of a virtual-time plan an address that depends only on the node's
 * place in the plan and the workload seed, never on the free port its listener got: Prometheus
 * staggers each target's scrapes by a hash of its labels (instance included), so with the real,
 * random ports the scrape phases, and with them every fleet time judged, changed from run to
 * run. With these a virtual run replays exactly (`--seed S`), and each seed tries other phases,
 * as live runs do. Returns the re-addressed plan and the real address behind each one.
 */
export function scrapeAddresses(
  plan: readonly PlannedSystem[],
  seed: number,
): { plan: PlannedSystem[]; realOf: Map<string, string> } {
  const realOf = new Map<string, string>();
  const virtualOf = new Map<string, string>();
  // 400 addresses per seed class leave room for the largest fleets; 100 classes vary the phase.
  const base = 20_000 + (Math.abs(Math.trunc(seed)) % 100) * 400;
  let index = 0;
  for (const p of plan) {
    for (const n of p.nodes) {
      const real = `127.0.0.1:${n.port}`;
      const virtual = `127.0.0.1:${base + index++}`;
      realOf.set(virtual, real);
      virtualOf.set(real, virtual);
    }
  }
  const readdressed = plan.map((p) => ({
    ...p,
    scrapeJobs: p.scrapeJobs.map((job) => ({
      ...job,
      targets: job.targets.map((t) => ({ ...t, address: virtualOf.get(t.address) ?? t.address })),
    })),
  }));
  return { plan: readdressed, realOf };
}
