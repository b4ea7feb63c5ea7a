import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PROMTOOL } from "./stack-tools.ts";

export { PROMTOOL, PROMTOOL_SKIP_REASON } from "./stack-tools.ts";

/** Which alerts are firing at a fleet minute, and how many instances of each (default 1). */
export interface FiringCheck {
  readonly minute: number;
  readonly firing: readonly string[];
}

/**
 * Lets promtool evaluate a rule file over series recorded from the sim every 15 s (one value per
 * scrape, `_` for none) and checks, at each minute, exactly which alerts fire. Resolves to
 * promtool's output and exit status; the test asserts on them.
 */
export async function promtoolDrill(args: {
  readonly rules: string;
  readonly series: ReadonlyMap<string, readonly string[]>;
  readonly checks: readonly FiringCheck[];
  /** Instances expected firing per alert (default 1). */
  readonly instances?: (alert: string) => number;
}): Promise<{ output: string; status: number | null }> {
  if (!PROMTOOL) throw new Error("promtool is not provisioned: run `npx firedrill setup`.");
  const dir = await mkdtemp(join(tmpdir(), "promtool-drill-"));
  try {
    const input = [...args.series].map(
      ([key, values]) => `      - series: '${key}'\n        values: "${values.join(" ")}"`,
    );
    const checks = args.checks.map(
      ({ minute, firing }) => `      - expr: count by (alertname) (ALERTS{alertstate="firing"})
        eval_time: ${minute * 60}s
        exp_samples:${firing.length === 0 ? " []" : ""}
${firing.map((a) => `          - labels: '{alertname="${a}"}'\n            value: ${args.instances?.(a) ?? 1}`).join("\n")}`,
    );
    const file = join(dir, "drill.test.yml");
    await writeFile(
      file,
      `rule_files:\n  - ${args.rules}\nevaluation_interval: 15s\ntests:\n  - interval: 15s\n    input_series:\n${input.join("\n")}\n    promql_expr_test:\n${checks.join("\n")}\n`,
    );
    const result = spawnSync(PROMTOOL, ["test", "rules", file], { encoding: "utf8" });
    return { output: result.stdout + result.stderr, status: result.status };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
