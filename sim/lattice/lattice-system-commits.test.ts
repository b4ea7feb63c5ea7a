import { describe, expect, it } from "vitest";
import { fileFixture } from "../test-support/file-fixture.ts";
import { LatticeTestHost } from "./lattice-test-host.ts";

const lattice = fileFixture(() => LatticeTestHost.start());

describe("lattice system (18 members, virtual clock): commit faults", () => {
  it("commit-stall: unseal stalls, atelier's candidates stop (below slot rate), then recover", async () => {
    const heal = await lattice().inject("lattice.organism.commit-stall", { organism: "unseal" });
    lattice().advance(12_000);
    expect(await lattice().growth("unseal", "unseal_commits_per_slot", 60)).toBe(0);
    expect(await lattice().growth("atelier", "atelier_candidates_committed_total", 60)).toBe(0);
    expect(await lattice().growth("zipnet", "zipnet_commits_per_slot", 60)).toBe(5);
    await heal();
    lattice().advance(12_000);
    expect(
      await lattice().growth("atelier", "atelier_candidates_committed_total", 60),
    ).toBeGreaterThan(5);
  });

  it("slow-commit: unseal's P95 rises above the slot period, then falls back", async () => {
    const heal = await lattice().inject("lattice.organism.slow-commit", { organism: "unseal" });
    expect(await lattice().overRedLine("unseal", 60)).toBe(1);
    await heal();
    expect(await lattice().overRedLine("unseal", 60)).toBe(0);
  });

  it("slow-commit: relay's P95 above the slot deadline, offer's above the auction window", async () => {
    const relay = await lattice().inject("lattice.organism.slow-commit", {
      organism: "relay",
      latencySeconds: 6,
    });
    const offer = await lattice().inject("lattice.organism.slow-commit", {
      organism: "offer",
      latencySeconds: 6,
    });
    expect(await lattice().overRedLine("relay", 60)).toBe(1);
    expect(await lattice().overRedLine("offer", 60)).toBe(1);
    await relay();
    await offer();
    expect(await lattice().overRedLine("relay", 60)).toBe(0);
    expect(await lattice().overRedLine("offer", 60)).toBe(0);
  });

  it("few-candidates lowers atelier's candidates to perSlot while its slots still commit", async () => {
    const heal = await lattice().inject("lattice.atelier.few-candidates", { perSlot: 0.5 });
    lattice().advance(12_000);
    expect(await lattice().growth("atelier", "atelier_candidates_committed_total", 120)).toBe(5);
    expect(await lattice().growth("atelier", "atelier_commits_per_slot", 60)).toBe(5);
    await heal();
    expect(
      await lattice().growth("atelier", "atelier_candidates_committed_total", 60),
    ).toBeGreaterThan(5);
  });

  it("sub-second jitter keeps every P95 under its red line (noise)", async () => {
    const heal = await lattice().inject("lattice.commit.jitter");
    expect(await lattice().overRedLine("offer", 120)).toBe(0);
    expect(await lattice().overRedLine("relay", 60)).toBe(0);
    expect(await lattice().overRedLine("zipnet", 60)).toBe(0);
    await heal();
  });

  it("commit spikes: one member's commit is slow once every everySlots slots; the organism still commits", async () => {
    const heal = await lattice().inject("lattice.commit.spikes", {
      organism: "unseal",
      member: 1,
      latencySeconds: 20,
      everySlots: 5,
    });
    // Ten slots of three members: two spikes, both member 1's.
    expect(await lattice().overRedLine("unseal", 120)).toBe(2 / 30);
    expect(await lattice().growth("unseal", "unseal_commits_per_slot", 60)).toBe(5);
    await heal();
    expect(await lattice().overRedLine("unseal", 120)).toBe(0);
  });
});
