import { readFile } from "node:fs/promises";
import type { Expectation } from "../scenario/types.ts";
import { parseDuration } from "../time/parse-duration.ts";
import { detectionBudgets, detectionLatency } from "./detection-latency.ts";
import { evaluate, type Observations } from "./evaluate.ts";
import type { ExpectationResult } from "./result.ts";

/**
 * Judges a scenario's expectations against what a run observed (live or virtual), with each
 * firing expectation's detection latency next to the budget its rule and route allow.
 */
export async function judgeObservations(
  expect: readonly Expectation[],
  observations: Observations,
  config: {
    readonly ruleFiles: readonly string[];
    readonly alertmanagerConfig: string;
    readonly scrapeInterval: string;
    readonly evaluationInterval: string;
  },
): Promise<ExpectationResult[]> {
  const budgetOf = detectionBudgets(
    await Promise.all(config.ruleFiles.map((f) => readFile(f, "utf8"))),
    await readFile(config.alertmanagerConfig, "utf8"),
    { scrape: config.scrapeInterval, evaluation: config.evaluationInterval },
  );
  return evaluate(expect, observations, (d) => parseDuration(d) / 1000).map((result) =>
    result.expectation.kind === "fires" && result.observed
      ? {
          ...result,
          latency: detectionLatency(
            result.observed,
            budgetOf(result.expectation.alert, result.expectation.receiver),
          ),
        }
      : result,
  );
}
