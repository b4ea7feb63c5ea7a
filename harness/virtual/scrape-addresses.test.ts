import { describe, expect, it } from "vitest";
import { planFleet } from "../runner/plan-fleet.ts";
import { scrapeAddresses } from "./scrape-addresses.ts";

const targets = (plan: ReturnType<typeof scrapeAddresses>["plan"]) =>
  plan.flatMap((p) => p.scrapeJobs.flatMap((j) => j.targets.map((t) => t.address)));

describe("scrapeAddresses", () => {
  it("addresses targets by their place in the plan and the seed, whatever ports the nodes got", () => {
    let a = 41_000;
    let b = 52_000;
    const one = scrapeAddresses(
      planFleet({ cosmictron: { nodes: 3 } }, () => a++),
      42,
    );
    const two = scrapeAddresses(
      planFleet({ cosmictron: { nodes: 3 } }, () => b++),
      42,
    );
    expect(targets(one.plan)).toEqual(["127.0.0.1:36800", "127.0.0.1:36801", "127.0.0.1:36802"]);
    expect(targets(two.plan)).toEqual(targets(one.plan));
    expect(one.realOf.get("127.0.0.1:36801")).toBe("127.0.0.1:41001");
    expect(two.realOf.get("127.0.0.1:36801")).toBe("127.0.0.1:52001");
  });

  it("gives another seed other addresses, so that it tries other scrape phases", () => {
    let port = 41_000;
    const plan = planFleet({ cosmictron: { nodes: 2 } }, () => port++);
    expect(targets(scrapeAddresses(plan, 43).plan)).toEqual(["127.0.0.1:37200", "127.0.0.1:37201"]);
  });
});
