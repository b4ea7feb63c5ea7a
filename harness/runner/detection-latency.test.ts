import { describe, expect, it } from "vitest";
import { readRuleText } from "../rules/read-rule-text.ts";
import { detectionBudgets, detectionLatency } from "./detection-latency.ts";

const rules = `groups:
  - name: g
    rules:
      - alert: Slow
        expr: x > 1
        for: 5m
      - alert: Instant
        expr: y > 0
`;
const alertmanager = `route:
  receiver: default
  group_wait: 30s
  routes:
    - receiver: pager
      group_wait: 10s
    - receiver: tickets
`;

describe("detection budgets and latency", () => {
  const budgetOf = detectionBudgets(readRuleText(rules, "rules.yml").sources, alertmanager, {
    scrape: "15s",
    evaluation: "15s",
  });

  it("adds scrape and evaluation intervals, the rule's for and the receiver's group_wait", () => {
    expect(budgetOf("Slow", "pager")).toEqual({
      seconds: 340,
      scrapeInterval: 15,
      evaluationInterval: 15,
      for: 300,
      groupWait: 10,
    });
    // tickets inherits the root's group_wait; an alert without `for` has none.
    expect(budgetOf("Instant", "tickets").seconds).toBe(60);
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
      budgetOf("Slow", "pager"),
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
