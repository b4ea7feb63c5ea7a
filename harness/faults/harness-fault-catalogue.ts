import type { SystemFault } from "../../sim/index.ts";
import type { HarnessFault } from "./harness-fault.ts";

/** The harness's own faults as catalogue entries of the pseudo-system "harness", beside the sim's. */
export function harnessFaultCatalogue(faults: ReadonlyMap<string, HarnessFault>): SystemFault[] {
  return [...faults.values()].map((f) => ({
    system: "harness",
    name: f.name,
    description: f.description,
    params: f.params.map((p) => ({
      name: p.name,
      type: p.type,
      default: p.default ?? "",
      description: p.description,
    })),
  }));
}
