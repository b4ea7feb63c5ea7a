import { candidateLabel, faultCell, formatSeconds, type TuneReport } from "../result/index.ts";

/**
 * The tune table: one row per value; per fault drill the fault → page latency (✗ when its
 * expectation failed or the page came after the budget, `missed` when it never fired); how often
 * the alert fired and paged in noise drills, naming the drills (a firing fails one, as in `run`); the verdict, `good` marked with ✓.
 */
export function renderTune(report: TuneReport): string {
  const shape = report.asWritten;
  const written = `${shape.threshold ? `${shape.threshold.op} ${shape.threshold.value}, ` : ""}for ${shape.for}`;
  const head = [
    `${report.alert} (${report.ruleFile}): ${shape.threshold ? `${shape.threshold.left} ${shape.threshold.op} X` : "no threshold"}, as written ${written}`,
    `fault drills: fault → page in fleet time (budget ${budgetText(report)}); noise drills: ${report.noiseDrills.length} (${report.noiseDrills.join(", ") || "none"})`,
    "",
  ];
  const columns = ["value", ...report.faultDrills, "noise: fired / paged", "verdict"];
  const rows = report.rows.map((row) => {
    const noisy = row.drills.filter((d) => d.role === "noise" && (d.firings > 0 || d.pages > 0));
    const counts = `${row.noiseFirings} / ${row.noisePages}`;
    return [
      `${candidateLabel(row.candidate)}${row.candidate.asWritten ? " (as written)" : ""}`,
      ...report.faultDrills.map((name) => faultCell(row.drills.find((d) => d.scenario === name)!)),
      noisy.length === 0 ? counts : `${counts} (${noisy.map((d) => d.scenario).join(", ")})`,
      row.verdict === "good" ? "✓ good" : row.verdict,
    ];
  });
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i < cells.length - 1 ? cell.padEnd(widths[i]!) : cell))
      .join("  ")
      .trimEnd();
  const good = report.rows
    .filter((r) => r.verdict === "good")
    .map((r) => candidateLabel(r.candidate));
  return [
    ...head,
    line(columns),
    ...rows.map(line),
    "",
    good.length > 0
      ? `catch every fault within budget and never fire on noise: ${good.join("; ")}`
      : "no value catches every fault within budget without firing on noise",
  ].join("\n");
}

function budgetText(report: TuneReport): string {
  const budgets = [
    ...new Set(
      report.rows.flatMap((r) =>
        r.drills.flatMap((d) => (d.budgetSeconds === null ? [] : [d.budgetSeconds])),
      ),
    ),
  ].sort((a, b) => a - b);
  if (budgets.length === 0) return "unknown";
  const first = formatSeconds(budgets[0]!);
  return budgets.length === 1 ? first : `${first} to ${formatSeconds(budgets.at(-1)!)}, by for`;
}
