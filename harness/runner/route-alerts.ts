import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { execa } from "execa";

/** One route Alertmanager's own routing tree sends an alert to, with its timings in seconds. */
export interface MatchedRoute {
  readonly receiver: string;
  readonly groupBy: readonly string[];
  readonly groupByAll: boolean;
  readonly groupWait: number;
  readonly groupInterval: number;
  readonly repeatInterval: number;
}

/**
 * Routes label sets through Alertmanager's own routing (the evaluator's `routes` mode, built on
 * Alertmanager's dispatch package): for each label set, the routes it matches, in order.
 * `alertmanagerText` is the config as applied, in fleet time.
 */
export async function routeAlerts(
  evaluator: string,
  alertmanagerText: string,
  labelSets: readonly Readonly<Record<string, string>>[],
): Promise<MatchedRoute[][]> {
  if (labelSets.length === 0) return [];
  const dir = await mkdtemp(path.join(os.tmpdir(), "firedrill-routes-"));
  try {
    const file = path.join(dir, "alertmanager.yml");
    await writeFile(file, alertmanagerText);
    const input = `${labelSets.map((l) => JSON.stringify(l)).join("\n")}\n`;
    const result = await execa(evaluator, ["routes", file], { input, reject: false });
    if (result.exitCode !== 0) {
      throw new Error(
        `Failed to route alerts through Alertmanager's routing tree: ${result.stderr.trim() || `the evaluator exited with ${result.exitCode}`}. Run \`npx firedrill setup\` to rebuild the evaluator.`,
      );
    }
    const answers = result.stdout
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { routes?: MatchedRoute[]; error?: string });
    return answers.map((a, i) => {
      if (a.error !== undefined) {
        throw new Error(
          `Failed to route ${JSON.stringify(labelSets[i])}: ${a.error}. This is a bug in firedrill.`,
        );
      }
      return a.routes ?? [];
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
