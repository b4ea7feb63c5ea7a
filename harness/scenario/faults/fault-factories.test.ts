import { describe, expect, it } from "vitest";
import { faults } from "./faults.ts";

const { cognitora, cosmictron, lattice } = faults;

describe("fault factories typed from the sim's schemas", () => {
  it("name the schema's fault, the node and only the params given", () => {
    expect(cosmictron.walFsyncStall({ node: "cosmictron-1", latencySeconds: 2 })).toEqual({
      name: "cosmictron.wal.fsync-stall",
      target: "cosmictron-1",
      params: { latencySeconds: 2 },
    });
    expect(cognitora.admissionQueueFull()).toEqual({
      name: "cognitora.admission.queue-full",
      params: {},
    });
  });

  it("target a lattice through its first zipnet member, and a lattice node by id", () => {
    expect(lattice.tdxLost({ lattice: "lattice1", organism: "atelier", member: 2 })).toEqual({
      name: "lattice.tdx.lost",
      target: "lattice1-zipnet-0",
      params: { organism: "atelier", member: 2 },
    });
    expect(lattice.nodeCrash({ node: "lattice0-relay-1" })).toEqual({
      name: "lattice.node.crash",
      target: "lattice0-relay-1",
      params: {},
    });
  });

  it("have one factory per sim fault", () => {
    expect(Object.keys(cosmictron)).toEqual([
      "walFsyncStall",
      "slowFsync",
      "reducerErrorBurst",
      "storageFill",
      "tsaErrors",
      "nodeCrash",
      "nodeHang",
    ]);
  });
});
