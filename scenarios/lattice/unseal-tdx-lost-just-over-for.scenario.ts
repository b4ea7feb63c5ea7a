import { defineScenario, expectAlert, expectNoOtherAlerts, lattice } from "firedrill";

// The boundary, from above: unseal member 0 of lattice0 loses its TDX attestation for 130 s (1m to
// 3m10s), just longer than `for: 1m` on LatticeUnsealTdxNotAttested plus a 15 s scrape, a 15 s
// evaluation and Alertmanager's 30 s group_wait (120 s). The first scrape reading
// unseal_member_tdx_attested 0 comes within 15 s of the fault and the first evaluation to see it
// within 15 s more, so the alert is pending by 1m30s, fires by 2m30s and its page leaves by 3m,
// while every evaluation until the heal still reads the 0: it must page. (100 s, the `for` plus a
// scrape and an evaluation, fires but can resolve before group_wait ends, and then no page leaves:
// seen live.) No drill sits just under this `for`.
export default defineScenario({
  name: "lattice-unseal-tdx-lost-just-over-for",
  description: "unseal member 0 unattested for 130 s, just past `for: 1m`; the alert pages.",
  fleet: { lattice: { lattices: 1, members: 3 } },
  duration: "9m30s",
  faults: [
    {
      id: "tdx",
      at: "1m",
      heal: "3m10s",
      fault: lattice.tdxLost({ lattice: "lattice0", organism: "unseal", member: 0 }),
    },
  ],
  expect: [
    expectAlert("LatticeUnsealTdxNotAttested")
      .withLabels({ organism: "unseal", severity: "page" })
      .firesWithin("2m", { after: "tdx" })
      .deliveredTo("pager")
      .resolvesWithin("1m"),
    expectNoOtherAlerts(),
  ],
});
