import { describe, expect, it, vi } from "vitest";
import { readCatalogue } from "../core/read-catalogue.ts";
import { fileFixture } from "../test-support/file-fixture.ts";
import { LatticeTestHost } from "./lattice-test-host.ts";

const catalogue = readCatalogue("lattice");

const ORGANISMS = ["zipnet", "unseal", "offer", "atelier", "relay", "tally"] as const;

const lattice = fileFixture(() => LatticeTestHost.start());

// The Raft faults run after the steady-state tests, on the same fleet at the same fleet time as
// before the split: the churn test samples leaders every 5 s, and which samples fall inside an
// election follows from the seed and the fleet time.
describe("lattice system (18 members, virtual clock): steady state, then Raft and discovery faults", () => {
  it("exposes exactly the catalogue's metrics per organism, typed and labelled", async () => {
    for (const organism of ORGANISMS) {
      const families = await lattice().fleet.scrape(`lattice0-${organism}-1`);
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
      expect(await lattice().growth(organism, `${organism}_commits_per_slot`, 120), organism).toBe(
        10,
      );
    }
  });

  it("stays clear of every red line without faults, with a leader everywhere", async () => {
    expect(await lattice().overRedLine("zipnet", 300)).toBe(0);
    expect(await lattice().overRedLine("unseal", 60)).toBe(0);
    expect(await lattice().overRedLine("offer", 60)).toBe(0);
    expect(await lattice().overRedLine("relay", 60)).toBe(0);
    expect(await lattice().overRedLine("tally", 60)).toBe(0);
    expect(
      await lattice().growth("atelier", "atelier_candidates_committed_total", 60),
    ).toBeGreaterThan(5);
    expect(await lattice().growth("atelier", "atelier_simulation_divergence_total", 60)).toBe(0);
    expect(await lattice().growth("relay", "relay_on_chain_mismatches_total", 60)).toBe(0);
    expect(await lattice().growth("offer", "offer_bids_received_total", 120)).toBeGreaterThan(0);
    expect(
      await lattice().growth("zipnet", "zipnet_broadcasts_appended_total", 36),
    ).toBeGreaterThan(0);
    for (const organism of ORGANISMS) {
      const scrapes = await lattice().scrapeOrganism(organism);
      expect(Math.max(...lattice().values(scrapes, "mosaik_raft_is_leader")), organism).toBe(1);
      expect(lattice().values(scrapes, "mosaik_raft_has_leader"), organism).toEqual([1, 1, 1]);
      expect(lattice().values(scrapes, "discovery_peers_total")).toEqual([17, 17, 17]);
    }
    expect(await lattice().memberValues("zipnet", "zipnet_server_up")).toEqual([1, 1, 1]);
    expect(await lattice().memberValues("unseal", "unseal_member_tdx_attested")).toEqual([1, 1, 1]);
    await vi.waitFor(async () => {
      const lag = await lattice().memberValues("tally", "tally_chain_rpc_lag_seconds");
      expect(Math.max(...lag)).toBeLessThan(12);
    });
    const line = JSON.parse(
      lattice().fleet.logLines.find((l) => l.includes("elected leader")) ?? "{}",
    );
    expect(Object.keys(line.fields ?? {}).sort()).toEqual(
      ["lattice", "member", "message", "organism", "role", "slot", "term"].sort(),
    );
  });

  it("raft churn changes leaders often, never leaderless for long (noise)", async () => {
    const heal = await lattice().inject("lattice.raft.churn", { stepDownsPerMinute: 6 });
    const before = await lattice().memberValues("relay", "mosaik_raft_leader_changes_total");
    let elections = 0;
    for (let s = 0; s < 180; s += 5) {
      lattice().advance(5_000);
      const scrapes = await lattice().scrapeOrganism("relay");
      const leaders = lattice().values(scrapes, "mosaik_raft_is_leader");
      // Every member knows a leader exactly while one leads (all scraped at the same instant).
      const known = Math.max(...leaders);
      expect(lattice().values(scrapes, "mosaik_raft_has_leader")).toEqual([known, known, known]);
      elections += known === 0 ? 1 : 0;
      // A leaderless sample is an election under way; two in a row would be a 5 s gap.
      if (known === 0) {
        lattice().advance(5_000);
        s += 5;
        const next = await lattice().scrapeOrganism("relay");
        expect(Math.max(...lattice().values(next, "mosaik_raft_is_leader"))).toBe(1);
        expect(lattice().values(next, "mosaik_raft_has_leader")).toEqual([1, 1, 1]);
      }
    }
    const after = await lattice().memberValues("relay", "mosaik_raft_leader_changes_total");
    expect((after[0] ?? 0) - (before[0] ?? 0)).toBeGreaterThan(6);
    expect(elections, "samples taken during an election").toBeGreaterThan(0);
    expect(
      await lattice().growth("atelier", "atelier_candidates_committed_total", 60),
    ).toBeGreaterThan(5);
    await heal();
  });

  it("no-leader: relay's Raft group has no leader until healed", async () => {
    const heal = await lattice().inject("lattice.raft.no-leader", { organism: "relay" });
    lattice().advance(45_000);
    const blocked = await lattice().scrapeOrganism("relay");
    expect(Math.max(...lattice().values(blocked, "mosaik_raft_is_leader"))).toBe(0);
    expect(lattice().values(blocked, "mosaik_raft_has_leader")).toEqual([0, 0, 0]);
    expect(await lattice().memberValues("unseal", "mosaik_raft_has_leader")).toEqual([1, 1, 1]);
    expect(await lattice().growth("relay", "relay_commits_per_slot", 60)).toBe(0);
    await heal();
    lattice().advance(10_000);
    const healed = await lattice().scrapeOrganism("relay");
    expect(Math.max(...lattice().values(healed, "mosaik_raft_is_leader"))).toBe(1);
    expect(lattice().values(healed, "mosaik_raft_has_leader")).toEqual([1, 1, 1]);
  });

  it("partition: peers drop on every node, leaders stay on the majority side", async () => {
    const heal = await lattice().inject("lattice.discovery.partition");
    lattice().advance(15_000);
    const cut = await lattice().scrapeOrganism("offer");
    expect(lattice().values(cut, "discovery_peers_total")).toEqual([5, 11, 11]);
    expect(lattice().values(cut, "mosaik_raft_is_leader")[0]).toBe(0);
    expect(Math.max(...lattice().values(cut, "mosaik_raft_is_leader"))).toBe(1);
    // The minority member (index 0) has no quorum on its side, so it knows no leader.
    expect(lattice().values(cut, "mosaik_raft_has_leader")).toEqual([0, 1, 1]);
    await heal();
    lattice().advance(15_000);
    const whole = await lattice().scrapeOrganism("offer");
    expect(lattice().values(whole, "discovery_peers_total")).toEqual([17, 17, 17]);
    expect(lattice().values(whole, "mosaik_raft_has_leader")).toEqual([1, 1, 1]);
  });

  it("serves the status page fields with the lattice_id hex", async () => {
    const url = lattice().fleet.host.nodes.find((n) => n.id === "lattice0-tally-0")?.url;
    const status = (await (await fetch(`${url}/status`)).json()) as Record<string, unknown>;
    expect(status.lattice).toBe("lattice0");
    expect(status.lattice_id).toMatch(/^[0-9a-f]{64}$/);
    expect(status.up).toBe(true);
  });
});
