import { combineReporters } from "../../reports/combine-reporters.ts";
import type { ReporterOptions } from "../../reports/reporter-options.ts";
import { reporterRegistry } from "../../reports/reporter-registry.ts";
import { InputError } from "../errors.ts";
import type { Reporter } from "../result/index.ts";

/**
 * `--reporter NAME`, repeatable: the reporters of the registry by name, in the order given,
 * combined into one; none given means every one of them. An unknown name is bad input.
 */
export function parseReporters(
  command: string,
  names: readonly string[] | undefined,
  options: ReporterOptions,
): Reporter {
  const known = Object.keys(reporterRegistry) as (keyof typeof reporterRegistry)[];
  const chosen = names === undefined || names.length === 0 ? known : [...new Set(names)];
  const isKnown = (name: string): name is keyof typeof reporterRegistry =>
    Object.hasOwn(reporterRegistry, name);
  const unknown = chosen.filter((name) => !isKnown(name));
  if (unknown.length > 0) {
    throw new InputError(
      `${command}: unknown reporter "${unknown[0]}". Known reporters: ${known.join(", ")} (--reporter NAME, repeatable; default: all of them).`,
    );
  }
  return combineReporters(chosen.filter(isKnown).map((name) => reporterRegistry[name](options)));
}
