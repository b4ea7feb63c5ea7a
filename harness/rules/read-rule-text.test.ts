import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../tools/tools.ts";
import { readRuleText } from "./read-rule-text.ts";

const plain = `# a comment
groups:
  - name: g
    interval: 30s
    rules:
      - record: job:up:sum
        expr: sum(up)
      - alert: Down
        expr: |
          up
            == 0
        for: 5m
        labels: { severity: critical }
`;

describe("readRuleText", () => {
  it("reads a plain rule file verbatim, with each group's and rule's line", () => {
    const { sources, skipped } = readRuleText(plain, "rules.yml");
    expect(skipped).toEqual([]);
    expect(sources).toEqual([
      {
        file: "rules.yml",
        document: 0,
        documents: 1,
        kind: "rule file",
        verbatim: true,
        text: plain,
        groups: [
          {
            name: "g",
            interval: "30s",
            line: 3,
            rules: [
              {
                kind: "record",
                name: "job:up:sum",
                expr: "sum(up)",
                labels: {},
                line: 6,
                exprLine: 7,
                exprIsBlock: false,
              },
              {
                kind: "alert",
                name: "Down",
                expr: "up\n  == 0\n",
                for: "5m",
                labels: { severity: "critical" },
                line: 8,
                exprLine: 10,
                exprIsBlock: true,
              },
            ],
          },
        ],
      },
    ]);
  });

  it("reads Cognitora's PrometheusRule from a Helm render, skipping the ConfigMap, line for line", () => {
    const file = path.join(repoRoot, "fixtures/kubernetes/rules/cognitora-prometheus-rule.yaml");
    const original = readFileSync(file, "utf8");
    const { sources, skipped } = readRuleText(original, file);
    expect(skipped).toEqual([
      {
        file,
        document: 0,
        documents: 2,
        line: 9,
        kind: "v1/ConfigMap",
        object: "cognitora/cognitora-dashboards",
      },
    ]);
    expect(sources.map((s) => [s.kind, s.object, s.document, s.verbatim])).toEqual([
      ["PrometheusRule", "cognitora/cognitora", 1, false],
    ]);
    const rules = sources[0]!.groups.flatMap((g) => g.rules);
    expect(rules.filter((r) => r.kind === "alert").map((r) => r.name)).toEqual([
      "CognitoraTtftSloBreach",
      "CognitoraCacheHitRatioLow",
      "CognitoraEngineNotReady",
      "CognitoraAdmissionQueueFull",
      "CognitoraHostMissing",
      "CognitoraMetricsDown",
    ]);
    // The extracted plain file has every rule on the original's line, dedented.
    const extracted = sources[0]!.text.split("\n");
    const lines = original.split("\n");
    for (const rule of rules) {
      expect(extracted[rule.line - 1]).toBe(lines[rule.line - 1]!.slice(2));
      expect(extracted[rule.line - 1]).toMatch(/^ {6}- (alert|record): /);
    }
    // Same groups as the plain fixture it was made from.
    const plainFile = path.join(repoRoot, "fixtures/cognitora/rules.yml");
    const fromPlain = readRuleText(readFileSync(plainFile, "utf8"), plainFile).sources[0]!;
    const strip = (groups: typeof rules) => groups.map(({ line, exprLine, ...rest }) => rest);
    expect(strip(rules)).toEqual(strip(fromPlain.groups.flatMap((g) => g.rules)));
  });

  it.each([
    {
      title: "refuses a document that is neither a rule file nor a Kubernetes object, naming it",
      text: "apiVersion: v1\nkind: Service\n---\nalerts: []\n",
      file: "render.yaml",
      message:
        "Failed to read rule file render.yaml: document 2 of 2 (line 4) is neither a rule file (a map with groups:) nor a Kubernetes object (apiVersion and kind). Pass a Prometheus rule file with --rules, or PrometheusRule objects.",
    },
    {
      title: "refuses a PrometheusRule without spec.groups",
      text: "apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata: { name: x, namespace: ns }\nspec: {}\n",
      file: "pr.yaml",
      message:
        "Failed to read rule file pr.yaml: document 1 of 1 (line 1), PrometheusRule ns/x: it has no `spec.groups:` list. Give the PrometheusRule its rule groups under spec.groups.",
    },
    {
      title: "names the file and line of a rule without expr",
      text: "groups:\n  - name: g\n    rules:\n      - alert: A\n        for: 1m\n",
      file: "r.yml",
      message:
        'Failed to read r.yml:4: group "g", rules[0] ("A"): it has no expr. Give every rule a PromQL expr.',
    },
  ])("$title", ({ text, file, message }) => {
    expect(() => readRuleText(text, file)).toThrow(message);
  });

  it("writes a flow-style spec anew, from the original's line", () => {
    const text =
      'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata: { name: x }\nspec: { groups: [{ name: g, rules: [{ alert: A, expr: "up == 0" }] }] }\n';
    const [source] = readRuleText(text, "flow.yaml").sources;
    expect(source?.text).toBe(
      "\n\n\ngroups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up == 0\n",
    );
  });
});
