import { describe, expect, it } from "vitest";
import { readRuleText } from "../rules/index.ts";
import { alertRuleFors, detectionBudget, detectionLatency } from "./detection-latency.ts";

const rules = `groups:
  - name: g
    rules:
      - alert: Slow
        expr: x > 1
        for: 5m
      - alert: Instant
        expr: y > 0
`;
describe("detection budgets and latency", () => {
  const fors = alertRuleFors(readRuleText(rules, "rules.yml").sources);
  const budget = (alert: string, groupWait: number) =>
    detectionBudget({
      scrapeInterval: 15,
      evaluationInterval: 15,
      for: fors.get(alert)?.[0]?.for ?? 0,
      groupWait,
    });

  it("adds scrape and evaluation intervals, the rule's for and the route's group_wait", () => {
    expect(fors.get("Slow")).toEqual([{ for: 300, file: "rules.yml" }]);
    expect(budget("Slow", 10)).toEqual({
      seconds: 340,
      scrapeInterval: 15,
      evaluationInterval: 15,
      for: 300,
      groupWait: 10,
    });
    // An alert without `for` has none.
    expect(budget("Instant", 30).seconds).toBe(60);
  });

  it("measures each step from the fault and the resolve from the heal", () => {
    const latency = detectionLatency(
      {
        faultAt: 120,
        pendingAt: 135,
        firingAt: 440,
        deliveredAt: 470,
        deliveredTo: ["pager"],
        healedAt: 720,
        resolvedAt: 1050,
        resolvedDeliveredAt: 1200,
      },
      budget("Slow", 10),
    );
    expect(latency).toMatchObject({
      faultToPending: 15,
      faultToFiring: 320,
      faultToDelivered: 350,
      healToResolved: 330,
      deliveredWithinBudget: false,
    });
  });
});
