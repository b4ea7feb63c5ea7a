import type { ExpectationResult } from "../result/result.ts";
import type { RuleSource } from "../rules/types.ts";
import type { Expectation } from "../scenario/types.ts";
import { parseDuration } from "../time/parse-duration.ts";
import { detectionBudgets, detectionLatency } from "./detection-latency.ts";
import { evaluate, type Observations } from "./evaluate.ts";

/**
 * Judges a scenario's expectations against what a run observed (live or virtual), with each
 * firing expectation's detection latency next to the budget its rule and route allow.
 */
export async function judgeObservations(
  expect: readonly Expectation[],
  observations: Observations,
  config: {
    /** The rule groups the run loaded (readRuleFiles). */
    readonly ruleSources: readonly RuleSource[];
    /** The Alertmanager config applied, after any AlertmanagerConfig merge. */
    readonly alertmanagerText: string;
    readonly scrapeInterval: string;
    readonly evaluationInterval: string;
  },
): Promise<ExpectationResult[]> {
  const budgetOf = detectionBudgets(config.ruleSources, config.alertmanagerText, {
    scrape: config.scrapeInterval,
    evaluation: config.evaluationInterval,
  });
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
