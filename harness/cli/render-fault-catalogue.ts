import type { FaultParamSpec, SystemFault } from "../../sim/index.ts";
import { wrapWords } from "../text/wrap-words.ts";

/** Lines are wrapped to this width, as a terminal of 100 columns shows them whole. */
const WIDTH = 100;

/** The values a param accepts: "[min, max]", ">= min", "<= max" or "a | b"; "" if any. */
function range(param: FaultParamSpec): string {
  if (param.values !== undefined) return param.values.join(" | ");
  if (param.min !== undefined && param.max !== undefined) return `[${param.min}, ${param.max}]`;
  if (param.min !== undefined) return `>= ${param.min}`;
  if (param.max !== undefined) return `<= ${param.max}`;
  return "";
}

/** Pads every column but the last to its widest cell, so the rows line up. */
function alignRows(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => r[i]?.length ?? 0))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd(),
  );
}

/**
 * The fault catalogue as `firedrill faults` prints it: grouped by system, each fault with the
 * roles it acts on, its description and an aligned table of its params.
 *
 * @example
 * process.stdout.write(renderFaultCatalogue(faultCatalogue()));
 */
export function renderFaultCatalogue(faults: readonly SystemFault[]): string {
  const systems = [...new Set(faults.map((f) => f.system))];
  const out: string[] = [];
  for (const system of systems) {
    const own = faults.filter((f) => f.system === system);
    if (out.length > 0) out.push("");
    out.push(`${system}: ${own.length} fault${own.length === 1 ? "" : "s"}`);
    // One table per system, so that every param of the system lines up; each param's
    // description goes under it, indented past the names, to keep lines short.
    const rows = own.flatMap((f) =>
      f.params.map((p) => [p.name, p.type, `default ${JSON.stringify(p.default)}`, range(p)]),
    );
    const table = alignRows(rows);
    const indent = " ".repeat(4 + Math.max(0, ...rows.map((r) => r[0]!.length)) + 2);
    for (const fault of own) {
      out.push("");
      out.push(
        `  ${fault.name}${fault.roles === undefined ? "" : `  (${fault.roles.join(", ")} nodes only)`}`,
      );
      for (const line of wrapWords(fault.description.split(/\s+/), WIDTH - 4))
        out.push(`    ${line}`);
      if (fault.params.length === 0) out.push("    no params");
      for (const param of fault.params) {
        out.push(`    ${table.shift()}`);
        for (const line of wrapWords(param.description.split(/\s+/), WIDTH - indent.length))
          out.push(`${indent}${line}`);
      }
    }
  }
  return `${out.join("\n")}\n`;
}
