import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { VirtualClock } from "../core/clock.ts";
import { readCatalogue } from "../core/read-catalogue.ts";
import { type StartedSimHost, startSimHost } from "../host/start-sim-host.ts";
import { type ExpositionFamily, parseExposition } from "../test-support/parse-exposition.ts";
import { latticeTopology } from "./lattice-topology.ts";

const catalogue = readCatalogue("lattice");

const ORGANISMS = ["zipnet", "unseal", "offer", "atelier", "relay", "tally"] as const;
type Families = Map<string, ExpositionFamily>;

const clock = new VirtualClock(Date.UTC(2025, 0, 1));
const logLines: string[] = [];
const logs = new PassThrough();
logs.on("data", (c: Buffer) => logLines.push(...c.toString().split("\n").filter(Boolean)));
let host: StartedSimHost;

beforeAll(async () => {
  const nodes = latticeTopology.nodes({ lattices: 1, members: 3 });
  host = await startSimHost(
    {
      system: "lattice",
      seed: 7,
      nodes: nodes.map((n) => ({ id: n.id, port: 0 })),
      controlPort: 0,
    },
    { clock, logStream: logs, env: { LATTICE_LOG: "info" } },
  );
  clock.advance(120_000);
});

afterAll(async () => {
  await host?.stop();
});

/** Scrapes one node. */
async function scrape(id: string): Promise<Families> {
  const url = host.nodes.find((n) => n.id === id)?.url;
  const res = await fetch(`${url}/metrics`);
  expect(res.status).toBe(200);
  return parseExposition(await res.text());
}

/** Scrapes every member of an organism. */
async function scrapeOrganism(organism: string): Promise<Families[]> {
  return Promise.all([0, 1, 2].map((m) => scrape(`lattice0-${organism}-${m}`)));
}

/** Sums a sample over scrapes, filtered by labels. */
function total(scrapes: Families[], sample: string, labels: Record<string, string> = {}): number {
  const family = sample.replace(/_(bucket|count|sum)$/, "");
  return scrapes
    .flatMap((f) => f.get(family)?.samples ?? f.get(sample)?.samples ?? [])
    .filter((s) => s.name === sample && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);
}

/** Each scrape's value of a single-series metric. */
function values(scrapes: Families[], name: string): number[] {
  return scrapes.map((f) => f.get(name)?.samples[0]?.value ?? Number.NaN);
}

/** Share of an organism's latency observations above `le` during `seconds` of fleet time. */
async function shareAbove(organism: string, metric: string, le: string, seconds: number) {
  const before = await scrapeOrganism(organism);
  clock.advance(seconds * 1000);
  const after = await scrapeOrganism(organism);
  const count = total(after, `${metric}_count`) - total(before, `${metric}_count`);
  const under =
    total(after, `${metric}_bucket`, { le }) - total(before, `${metric}_bucket`, { le });
  expect(count).toBeGreaterThan(0);
  return (count - under) / count;
}

/** How much a counter grew on the organism's busiest member during `seconds`. */
async function growth(organism: string, metric: string, seconds: number): Promise<number> {
  const before = values(await scrapeOrganism(organism), metric);
  clock.advance(seconds * 1000);
  const after = values(await scrapeOrganism(organism), metric);
  return Math.max(...after.map((v, i) => v - (before[i] ?? 0)));
}

/** Injects a fault through the control API; returns the heal. */
async function inject(name: string, params: Record<string, unknown> = {}) {
  const res = await fetch(`${host.controlUrl}/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, target: "lattice0-zipnet-0", params }),
  });
  const body = (await res.json()) as { id: string };
  expect(res.status, JSON.stringify(body)).toBe(201);
  return async () => {
    const healed = await fetch(`${host.controlUrl}/faults/${body.id}`, { method: "DELETE" });
    expect(healed.status).toBe(200);
  };
}

describe("lattice system (18 members, virtual clock)", () => {
  it("exposes exactly the catalogue's metrics per organism, typed and labelled", async () => {
    for (const organism of ORGANISMS) {
      const families = await scrape(`lattice0-${organism}-1`);
      const expected = catalogue.metrics.filter(
        (m) => m.organisms === "all" || (m.organisms ?? []).includes(organism),
      );
      expect([...families.keys()].sort(), organism).toEqual(expected.map((m) => m.name).sort());
      for (const metric of expected) {
        const family = families.get(metric.name);
        expect(family?.type, metric.name).toBe(metric.type);
        expect(family?.help, metric.name).toBe(metric.help);
        for (const sample of family?.samples ?? []) {
          const names = Object.keys(sample.labels).filter((l) => l !== "le");
          expect(names.sort(), sample.name).toEqual([...metric.labels].sort());
          expect(sample.labels.lattice).toBe("lattice0");
          expect(sample.labels.organism).toBe(organism);
          expect(sample.labels.role).toBe(organism === "zipnet" ? "server" : "member");
        }
      }
    }
  });

  it("commits once per slot per organism, on the slot clock", async () => {
    for (const organism of ORGANISMS) {
      expect(await growth(organism, `${organism}_commits_per_slot`, 120), organism).toBe(10);
    }
  });

  it("stays clear of every red line without faults, with a leader everywhere", async () => {
    expect(await shareAbove("zipnet", "zipnet_round_commit_latency_seconds", "12", 300)).toBe(0);
    expect(await shareAbove("unseal", "unseal_decrypt_latency_seconds", "12", 60)).toBe(0);
    expect(await shareAbove("offer", "offer_auction_commit_latency_seconds", "4", 60)).toBe(0);
    expect(await shareAbove("relay", "relay_proposer_ack_latency_seconds", "4", 60)).toBe(0);
    expect(await shareAbove("tally", "tally_attestation_latency_seconds", "24", 60)).toBe(0);
    expect(await growth("atelier", "atelier_candidates_committed_total", 60)).toBeGreaterThan(5);
    expect(await growth("atelier", "atelier_simulation_divergence_total", 60)).toBe(0);
    expect(await growth("relay", "relay_on_chain_mismatches_total", 60)).toBe(0);
    expect(await growth("offer", "offer_bids_received_total", 120)).toBeGreaterThan(0);
    expect(await growth("zipnet", "zipnet_broadcasts_appended_total", 36)).toBeGreaterThan(0);
    for (const organism of ORGANISMS) {
      const scrapes = await scrapeOrganism(organism);
      expect(Math.max(...values(scrapes, "mosaik_raft_is_leader")), organism).toBe(1);
      expect(values(scrapes, "mosaik_raft_has_leader"), organism).toEqual([1, 1, 1]);
      expect(values(scrapes, "discovery_peers_total")).toEqual([17, 17, 17]);
    }
    expect(values(await scrapeOrganism("zipnet"), "zipnet_server_up")).toEqual([1, 1, 1]);
    expect(values(await scrapeOrganism("unseal"), "unseal_member_tdx_attested")).toEqual([1, 1, 1]);
    await vi.waitFor(async () => {
      const lag = values(await scrapeOrganism("tally"), "tally_chain_rpc_lag_seconds");
      expect(Math.max(...lag)).toBeLessThan(12);
    });
    const line = JSON.parse(logLines.find((l) => l.includes("elected leader")) ?? "{}");
    expect(Object.keys(line.fields ?? {}).sort()).toEqual(
      ["lattice", "member", "message", "organism", "role", "slot", "term"].sort(),
    );
  });

  it("raft churn changes leaders often, never leaderless for long (noise)", async () => {
    const heal = await inject("lattice.raft.churn", { stepDownsPerMinute: 6 });
    const before = values(await scrapeOrganism("relay"), "mosaik_raft_leader_changes_total");
    let elections = 0;
    for (let s = 0; s < 180; s += 5) {
      clock.advance(5_000);
      const scrapes = await scrapeOrganism("relay");
      const leaders = values(scrapes, "mosaik_raft_is_leader");
      // Every member knows a leader exactly while one leads (all scraped at the same instant).
      const known = Math.max(...leaders);
      expect(values(scrapes, "mosaik_raft_has_leader")).toEqual([known, known, known]);
      elections += known === 0 ? 1 : 0;
      // A leaderless sample is an election under way; two in a row would be a 5 s gap.
      if (known === 0) {
        clock.advance(5_000);
        s += 5;
        const next = await scrapeOrganism("relay");
        expect(Math.max(...values(next, "mosaik_raft_is_leader"))).toBe(1);
        expect(values(next, "mosaik_raft_has_leader")).toEqual([1, 1, 1]);
      }
    }
    const after = values(await scrapeOrganism("relay"), "mosaik_raft_leader_changes_total");
    expect((after[0] ?? 0) - (before[0] ?? 0)).toBeGreaterThan(6);
    expect(elections, "samples taken during an election").toBeGreaterThan(0);
    expect(await growth("atelier", "atelier_candidates_committed_total", 60)).toBeGreaterThan(5);
    await heal();
  });

  it("no-leader: relay's Raft group has no leader until healed", async () => {
    const heal = await inject("lattice.raft.no-leader", { organism: "relay" });
    clock.advance(45_000);
    const blocked = await scrapeOrganism("relay");
    expect(Math.max(...values(blocked, "mosaik_raft_is_leader"))).toBe(0);
    expect(values(blocked, "mosaik_raft_has_leader")).toEqual([0, 0, 0]);
    expect(values(await scrapeOrganism("unseal"), "mosaik_raft_has_leader")).toEqual([1, 1, 1]);
    expect(await growth("relay", "relay_commits_per_slot", 60)).toBe(0);
    await heal();
    clock.advance(10_000);
    const healed = await scrapeOrganism("relay");
    expect(Math.max(...values(healed, "mosaik_raft_is_leader"))).toBe(1);
    expect(values(healed, "mosaik_raft_has_leader")).toEqual([1, 1, 1]);
  });

  it("partition: peers drop on every node, leaders stay on the majority side", async () => {
    const heal = await inject("lattice.discovery.partition");
    clock.advance(15_000);
    const cut = await scrapeOrganism("offer");
    expect(values(cut, "discovery_peers_total")).toEqual([5, 11, 11]);
    expect(values(cut, "mosaik_raft_is_leader")[0]).toBe(0);
    expect(Math.max(...values(cut, "mosaik_raft_is_leader"))).toBe(1);
    // The minority member (index 0) has no quorum on its side, so it knows no leader.
    expect(values(cut, "mosaik_raft_has_leader")).toEqual([0, 1, 1]);
    await heal();
    clock.advance(15_000);
    const whole = await scrapeOrganism("offer");
    expect(values(whole, "discovery_peers_total")).toEqual([17, 17, 17]);
    expect(values(whole, "mosaik_raft_has_leader")).toEqual([1, 1, 1]);
  });

  it("commit-stall: unseal stalls, atelier's candidates stop (below slot rate), then recover", async () => {
    const heal = await inject("lattice.organism.commit-stall", { organism: "unseal" });
    clock.advance(12_000);
    expect(await growth("unseal", "unseal_commits_per_slot", 60)).toBe(0);
    expect(await growth("atelier", "atelier_candidates_committed_total", 60)).toBe(0);
    expect(await growth("zipnet", "zipnet_commits_per_slot", 60)).toBe(5);
    await heal();
    clock.advance(12_000);
    expect(await growth("atelier", "atelier_candidates_committed_total", 60)).toBeGreaterThan(5);
  });

  it("slow-commit: unseal's P95 rises above the slot period, then falls back", async () => {
    const heal = await inject("lattice.organism.slow-commit", { organism: "unseal" });
    expect(await shareAbove("unseal", "unseal_decrypt_latency_seconds", "12", 60)).toBe(1);
    await heal();
    expect(await shareAbove("unseal", "unseal_decrypt_latency_seconds", "12", 60)).toBe(0);
  });

  it("slow-commit: relay's P95 above the slot deadline, offer's above the auction window", async () => {
    const relay = await inject("lattice.organism.slow-commit", {
      organism: "relay",
      latencySeconds: 6,
    });
    const offer = await inject("lattice.organism.slow-commit", {
      organism: "offer",
      latencySeconds: 6,
    });
    expect(await shareAbove("relay", "relay_proposer_ack_latency_seconds", "4", 60)).toBe(1);
    expect(await shareAbove("offer", "offer_auction_commit_latency_seconds", "4", 60)).toBe(1);
    await relay();
    await offer();
    expect(await shareAbove("relay", "relay_proposer_ack_latency_seconds", "4", 60)).toBe(0);
    expect(await shareAbove("offer", "offer_auction_commit_latency_seconds", "4", 60)).toBe(0);
  });

  it("tdx.lost and zipnet server-down set their member's gauge to 0 until healed", async () => {
    const tdx = await inject("lattice.tdx.lost", { organism: "atelier", member: 1 });
    const down = await inject("lattice.zipnet.server-down", { member: 2 });
    clock.advance(2_000);
    expect(values(await scrapeOrganism("atelier"), "atelier_member_tdx_attested")).toEqual([
      1, 0, 1,
    ]);
    expect(values(await scrapeOrganism("zipnet"), "zipnet_server_up")).toEqual([1, 1, 0]);
    // The down server's exporter still answers, but it takes no part in zipnet's Raft group.
    expect(values(await scrapeOrganism("zipnet"), "mosaik_raft_has_leader")).toEqual([1, 1, 0]);
    expect(await growth("zipnet", "zipnet_commits_per_slot", 60)).toBe(5);
    await tdx();
    await down();
    clock.advance(2_000);
    expect(values(await scrapeOrganism("atelier"), "atelier_member_tdx_attested")).toEqual([
      1, 1, 1,
    ]);
    expect(values(await scrapeOrganism("zipnet"), "zipnet_server_up")).toEqual([1, 1, 1]);
    expect(values(await scrapeOrganism("zipnet"), "mosaik_raft_has_leader")).toEqual([1, 1, 1]);
  });

  it("divergence, on-chain mismatches and evidence failures count while injected only", async () => {
    const heals = [
      await inject("lattice.atelier.divergence"),
      await inject("lattice.relay.on-chain-mismatch", { ratio: 1 }),
      await inject("lattice.tally.evidence-mismatch", { ratio: 1 }),
    ];
    expect(await growth("atelier", "atelier_simulation_divergence_total", 60)).toBe(5);
    expect(await growth("relay", "relay_on_chain_mismatches_total", 60)).toBe(5);
    expect(await growth("tally", "tally_evidence_failures_total", 60)).toBe(5);
    for (const heal of heals) await heal();
    clock.advance(12_000);
    expect(await growth("atelier", "atelier_simulation_divergence_total", 120)).toBe(0);
    expect(await growth("relay", "relay_on_chain_mismatches_total", 120)).toBe(0);
    expect(await growth("tally", "tally_evidence_failures_total", 120)).toBeLessThanOrEqual(1);
  });

  it("few-candidates lowers atelier's candidates to perSlot while its slots still commit", async () => {
    const heal = await inject("lattice.atelier.few-candidates", { perSlot: 0.5 });
    clock.advance(12_000);
    expect(await growth("atelier", "atelier_candidates_committed_total", 120)).toBe(5);
    expect(await growth("atelier", "atelier_commits_per_slot", 60)).toBe(5);
    await heal();
    expect(await growth("atelier", "atelier_candidates_committed_total", 60)).toBeGreaterThan(5);
  });

  it("quiet mempool stops offer's bids but not the pipeline", async () => {
    const heal = await inject("lattice.offer.quiet-mempool");
    clock.advance(12_000);
    expect(await growth("offer", "offer_bids_received_total", 120)).toBe(0);
    expect(await growth("atelier", "atelier_candidates_committed_total", 60)).toBeGreaterThan(5);
    await heal();
    expect(await growth("offer", "offer_bids_received_total", 24)).toBeGreaterThan(0);
  });

  it("sub-second jitter keeps every P95 under its red line (noise)", async () => {
    const heal = await inject("lattice.commit.jitter");
    expect(await shareAbove("offer", "offer_auction_commit_latency_seconds", "4", 120)).toBe(0);
    expect(await shareAbove("relay", "relay_proposer_ack_latency_seconds", "4", 60)).toBe(0);
    expect(await shareAbove("zipnet", "zipnet_round_commit_latency_seconds", "12", 60)).toBe(0);
    await heal();
  });

  it("chain RPC lag (through msw) raises tally's lag and attestation latency, then recovers", async () => {
    const heal = await inject("lattice.tally.chain-rpc-lag", { seconds: 60 });
    clock.advance(12_000);
    await vi.waitFor(async () => {
      const lag = values(await scrapeOrganism("tally"), "tally_chain_rpc_lag_seconds");
      expect(Math.min(...lag)).toBeGreaterThan(30);
    });
    expect(await shareAbove("tally", "tally_attestation_latency_seconds", "24", 60)).toBe(1);
    await heal();
    clock.advance(12_000);
    await vi.waitFor(async () => {
      const lag = values(await scrapeOrganism("tally"), "tally_chain_rpc_lag_seconds");
      expect(Math.max(...lag)).toBeLessThan(12);
    });
    const errors = await inject("lattice.tally.chain-rpc-lag", { mode: "error" });
    for (let i = 0; i < 4; i++) {
      clock.advance(12_000);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await vi.waitFor(async () => {
      const lag = values(await scrapeOrganism("tally"), "tally_chain_rpc_lag_seconds");
      expect(Math.min(...lag)).toBeGreaterThan(30);
    });
    expect(
      logLines.some((l) => l.includes("chain RPC request failed") && l.includes("HTTP 500")),
    ).toBe(true);
    await errors();
  });

  it("serves the status page fields with the lattice_id hex", async () => {
    const url = host.nodes.find((n) => n.id === "lattice0-tally-0")?.url;
    const status = (await (await fetch(`${url}/status`)).json()) as Record<string, unknown>;
    expect(status.lattice).toBe("lattice0");
    expect(status.lattice_id).toMatch(/^[0-9a-f]{64}$/);
    expect(status.up).toBe(true);
  });
});
