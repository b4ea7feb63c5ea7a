import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { parse as parseYaml } from "yaml";
import type { PrometheusClient } from "../../../harness/observe/prometheus-client.ts";
import { checkSelectors } from "./check-selectors.ts";

/** Prometheus loaded every rule group the files hold, each healthy, and every selector matches the fleet. */
export async function checkRules(
  prometheus: PrometheusClient,
  ruleFiles: readonly string[],
): Promise<Set<string>> {
  const response = (await (await fetch(`${prometheus.url}/api/v1/rules`)).json()) as {
    data: {
      groups: { name: string; rules: { name: string; health: string; lastError?: string }[] }[];
    };
  };
  const loaded = response.data.groups.map((g) => g.name).sort();
  const recorded = new Set<string>();
  const exprs: { file: string; rule: string; expr: string }[] = [];
  const written: string[] = [];
  for (const file of ruleFiles) {
    const doc = parseYaml(readFileSync(file, "utf8")) as {
      groups: { name: string; rules: { alert?: string; record?: string; expr: string }[] }[];
    };
    for (const group of doc.groups) {
      written.push(group.name);
      for (const rule of group.rules) {
        if (rule.record) recorded.add(rule.record);
        exprs.push({ file, rule: rule.alert ?? rule.record ?? "", expr: String(rule.expr) });
      }
    }
  }
  expect(loaded).toEqual(written.sort());
  for (const group of response.data.groups) {
    for (const rule of group.rules) {
      expect(rule.health, `${group.name}/${rule.name}: ${rule.lastError ?? ""}`).toBe("ok");
    }
  }
  await checkSelectors(prometheus, exprs, recorded);
  return recorded;
}
