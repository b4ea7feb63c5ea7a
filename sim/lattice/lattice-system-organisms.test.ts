import { describe, expect, it, vi } from "vitest";
import { fileFixture } from "../test-support/file-fixture.ts";
import { LatticeTestHost } from "./lattice-test-host.ts";

const lattice = fileFixture(() => LatticeTestHost.start());

describe("lattice system (18 members, virtual clock): organism faults", () => {
  it("tdx.lost and zipnet server-down set their member's gauge to 0 until healed", async () => {
    // Atelier's attestation and zipnet's server and leader gauges, member by member.
    const gauges = async () => ({
      attested: await lattice().memberValues("atelier", "atelier_member_tdx_attested"),
      up: await lattice().memberValues("zipnet", "zipnet_server_up"),
      leader: await lattice().memberValues("zipnet", "mosaik_raft_has_leader"),
    });
    const tdx = await lattice().inject("lattice.tdx.lost", { organism: "atelier", member: 1 });
    const down = await lattice().inject("lattice.zipnet.server-down", { member: 2 });
    lattice().advance(2_000);
    // The down server's exporter still answers, but it takes no part in zipnet's Raft group.
    expect(await gauges()).toEqual({ attested: [1, 0, 1], up: [1, 1, 0], leader: [1, 1, 0] });
    expect(await lattice().growth("zipnet", "zipnet_commits_per_slot", 60)).toBe(5);
    await tdx();
    await down();
    lattice().advance(2_000);
    expect(await gauges()).toEqual({ attested: [1, 1, 1], up: [1, 1, 1], leader: [1, 1, 1] });
  });

  it("divergence, on-chain mismatches and evidence failures count while injected only", async () => {
    const heals = [
      await lattice().inject("lattice.atelier.divergence"),
      await lattice().inject("lattice.relay.on-chain-mismatch", { ratio: 1 }),
      await lattice().inject("lattice.tally.evidence-mismatch", { ratio: 1 }),
    ];
    expect(await lattice().growth("atelier", "atelier_simulation_divergence_total", 60)).toBe(5);
    expect(await lattice().growth("relay", "relay_on_chain_mismatches_total", 60)).toBe(5);
    expect(await lattice().growth("tally", "tally_evidence_failures_total", 60)).toBe(5);
    for (const heal of heals) await heal();
    lattice().advance(12_000);
    expect(await lattice().growth("atelier", "atelier_simulation_divergence_total", 120)).toBe(0);
    expect(await lattice().growth("relay", "relay_on_chain_mismatches_total", 120)).toBe(0);
    expect(
      await lattice().growth("tally", "tally_evidence_failures_total", 120),
    ).toBeLessThanOrEqual(1);
  });

  it("quiet mempool stops offer's bids but not the pipeline", async () => {
    const heal = await lattice().inject("lattice.offer.quiet-mempool");
    lattice().advance(12_000);
    expect(await lattice().growth("offer", "offer_bids_received_total", 120)).toBe(0);
    expect(
      await lattice().growth("atelier", "atelier_candidates_committed_total", 60),
    ).toBeGreaterThan(5);
    await heal();
    expect(await lattice().growth("offer", "offer_bids_received_total", 24)).toBeGreaterThan(0);
  });

  it("chain RPC lag (through msw) raises tally's lag and attestation latency, then recovers", async () => {
    const heal = await lattice().inject("lattice.tally.chain-rpc-lag", { seconds: 60 });
    lattice().advance(12_000);
    await vi.waitFor(async () => {
      const lag = await lattice().memberValues("tally", "tally_chain_rpc_lag_seconds");
      expect(Math.min(...lag)).toBeGreaterThan(30);
    });
    expect(await lattice().overRedLine("tally", 60)).toBe(1);
    await heal();
    lattice().advance(12_000);
    await vi.waitFor(async () => {
      const lag = await lattice().memberValues("tally", "tally_chain_rpc_lag_seconds");
      expect(Math.max(...lag)).toBeLessThan(12);
    });
    const errors = await lattice().inject("lattice.tally.chain-rpc-lag", { mode: "error" });
    for (let i = 0; i < 4; i++) {
      lattice().advance(12_000);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await vi.waitFor(async () => {
      const lag = await lattice().memberValues("tally", "tally_chain_rpc_lag_seconds");
      expect(Math.min(...lag)).toBeGreaterThan(30);
    });
    expect(
      lattice().fleet.logLines.some(
        (l) => l.includes("chain RPC request failed") && l.includes("HTTP 500"),
      ),
    ).toBe(true);
    await errors();
  });
});
