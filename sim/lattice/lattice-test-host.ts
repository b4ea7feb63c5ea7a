import { expect } from "vitest";
import type { ExpositionFamily } from "../test-support/parse-exposition.ts";
import { SimTestHost } from "../test-support/sim-test-host.ts";
import { sumSamples } from "../test-support/sum-samples.ts";
import { latticeTopology } from "./lattice-topology.ts";

/** One parsed scrape. */
type Families = Map<string, ExpositionFamily>;

/** Each organism's latency histogram and the bucket bound its red line (alert) sits at. */
const RED_LINES = {
  zipnet: { metric: "zipnet_round_commit_latency_seconds", le: "12" },
  unseal: { metric: "unseal_decrypt_latency_seconds", le: "12" },
  offer: { metric: "offer_auction_commit_latency_seconds", le: "4" },
  relay: { metric: "relay_proposer_ack_latency_seconds", le: "4" },
  tally: { metric: "tally_attestation_latency_seconds", le: "24" },
} as const;

/**
 * The lattice the lattice-system tests share: one lattice of six organisms with three members
 * each (18 nodes), seed 7, in a sim host on a virtual clock, two minutes of fleet time already
 * run; and the measurements the tests take of an organism's members.
 *
 * @example
 * const lattice = await LatticeTestHost.start();
 * expect(await lattice.growth("relay", "relay_commits_per_slot", 60)).toBe(5);
 */
export class LatticeTestHost implements AsyncDisposable {
  readonly fleet: SimTestHost;

  private constructor(fleet: SimTestHost) {
    this.fleet = fleet;
  }

  /** Starts the host, then runs two minutes of fleet time. */
  static async start(): Promise<LatticeTestHost> {
    const nodes = latticeTopology.nodes({ lattices: 1, members: 3 });
    const fleet = await SimTestHost.start(
      { system: "lattice", seed: 7, nodes: nodes.map((n) => ({ id: n.id, port: 0 })) },
      { env: { LATTICE_LOG: "info" } },
    );
    fleet.clock.advance(120_000);
    return new LatticeTestHost(fleet);
  }

  /** Moves fleet time on. */
  advance(ms: number): void {
    this.fleet.clock.advance(ms);
  }

  /** Scrapes every member of an organism. */
  scrapeOrganism(organism: string): Promise<Families[]> {
    return Promise.all([0, 1, 2].map((m) => this.fleet.scrape(`lattice0-${organism}-${m}`)));
  }

  /** Each scrape's value of a single-series metric. */
  values(scrapes: readonly Families[], name: string): number[] {
    return scrapes.map((f) => f.get(name)?.samples[0]?.value ?? Number.NaN);
  }

  /** Each member's value of a single-series metric now. */
  async memberValues(organism: string, name: string): Promise<number[]> {
    return this.values(await this.scrapeOrganism(organism), name);
  }

  /** Share of an organism's latency observations above `le` during `seconds` of fleet time. */
  async shareAbove(organism: string, metric: string, le: string, seconds: number): Promise<number> {
    const before = await this.scrapeOrganism(organism);
    this.advance(seconds * 1000);
    const after = await this.scrapeOrganism(organism);
    const count = sumSamples(after, `${metric}_count`) - sumSamples(before, `${metric}_count`);
    const under =
      sumSamples(after, `${metric}_bucket`, { le }) -
      sumSamples(before, `${metric}_bucket`, { le });
    expect(count).toBeGreaterThan(0);
    return (count - under) / count;
  }

  /** Share of an organism's latency observations over its red line during `seconds`. */
  overRedLine(organism: keyof typeof RED_LINES, seconds: number): Promise<number> {
    const { metric, le } = RED_LINES[organism];
    return this.shareAbove(organism, metric, le, seconds);
  }

  /** How much a counter grew on the organism's busiest member during `seconds`. */
  async growth(organism: string, metric: string, seconds: number): Promise<number> {
    const before = await this.memberValues(organism, metric);
    this.advance(seconds * 1000);
    const after = await this.memberValues(organism, metric);
    return Math.max(...after.map((v, i) => v - (before[i] ?? 0)));
  }

  /** Injects a fault on lattice0-zipnet-0 through the control API; returns its heal. */
  async inject(name: string, params: Record<string, unknown> = {}): Promise<() => Promise<void>> {
    const id = await this.fleet.inject(name, "lattice0-zipnet-0", params);
    return () => this.fleet.heal(id);
  }

  /** Stops the host. */
  close(): Promise<void> {
    return this.fleet.close();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}
