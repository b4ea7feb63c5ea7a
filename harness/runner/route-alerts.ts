import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { execa } from "execa";
import { labelKey } from "../result/index.ts";

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
 * Answers already given, per evaluator and config, per label set: a suite judges the same alerts
 * scenario after scenario and seed after seed, and the routing of a label set under one config
 * never changes. Bounded: a run that judges more configs (mutate, tune) starts over.
 */
const answered = new Map<string, Map<string, MatchedRoute[]>>();
const MAX_CONFIGS = 16;

/**
 * Routes label sets through Alertmanager's own routing (the evaluator's `routes` mode, built on
 * Alertmanager's dispatch package): for each label set, the routes it matches, in order.
 * `alertmanagerText` is the config as applied, in fleet time. Label sets routed before under the
 * same config are answered from memory; the evaluator starts only for new ones.
 */
export async function routeAlerts(
  evaluator: string,
  alertmanagerText: string,
  labelSets: readonly Readonly<Record<string, string>>[],
): Promise<MatchedRoute[][]> {
  const configKey = `${evaluator}\0${alertmanagerText}`;
  let known = answered.get(configKey);
  if (!known) {
    if (answered.size >= MAX_CONFIGS) answered.clear();
    known = new Map();
    answered.set(configKey, known);
  }
  const keys = labelSets.map(labelKey);
  const fresh = new Map<string, Readonly<Record<string, string>>>();
  labelSets.forEach((labels, i) => {
    if (!known.has(keys[i]!)) fresh.set(keys[i]!, labels);
  });
  if (fresh.size > 0) {
    const routes = await askEvaluator(evaluator, alertmanagerText, [...fresh.values()]);
    for (const [i, k] of [...fresh.keys()].entries()) known.set(k, routes[i]!);
  }
  return keys.map((k) => known.get(k)!);
}

/** One run of the evaluator's `routes` mode over `labelSets`. */
async function askEvaluator(
  evaluator: string,
  alertmanagerText: string,
  labelSets: readonly Readonly<Record<string, string>>[],
): Promise<MatchedRoute[][]> {
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
