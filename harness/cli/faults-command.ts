import { parseArgs } from "node:util";
import { faultCatalogue, type SystemFault } from "../../sim/index.ts";
import { InputError } from "../errors.ts";
import { builtinHarnessFaults } from "../faults/builtin-faults.ts";
import { harnessFaultCatalogue } from "../faults/harness-fault-catalogue.ts";
import { renderFaultCatalogue } from "./render-fault-catalogue.ts";

/**
 * `firedrill faults [--system NAME] [--json]`: every fault of the simulated systems (or of one),
 * with its params, from the sim's own definitions.
 */
export async function faultsCommand(
  args: string[],
  write: (text: string) => void = (text) => process.stdout.write(text),
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { system: { type: "string" }, json: { type: "boolean", default: false } },
  });
  // The sim's faults, then the ones the harness carries out itself (watchers, network, processes).
  const all: SystemFault[] = [
    ...faultCatalogue(),
    ...harnessFaultCatalogue(builtinHarnessFaults(1)),
  ];
  const known = [...new Set(all.map((f) => f.system))];
  if (values.system !== undefined && !known.includes(values.system)) {
    throw new InputError(
      `Failed to list faults: there is no system "${values.system}". Pass --system with one of ${known.join(", ")}, or omit it for all.`,
    );
  }
  const faults = all.filter((f) => values.system === undefined || f.system === values.system);
  write(values.json ? `${JSON.stringify(faults, null, 2)}\n` : renderFaultCatalogue(faults));
  return 0;
}
