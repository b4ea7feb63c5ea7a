import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROMTOOL } from "../../sim/test-support/stack-tools.ts";
import { checkRules } from "../config/index.ts";
import { InputError } from "../errors.ts";
import { readRuleText } from "../rules/index.ts";
import { useTempDir } from "../testing/use-temp-dir.ts";
import { repoRoot } from "../tools/tools.ts";
import { rewriteRuleFile } from "./rewrite-rule-file.ts";

// Provisioned by `firedrill setup` (npm test runs it first).
const promtool = PROMTOOL ?? "promtool";
const fixture = path.join(repoRoot, "fixtures/cosmictron/rules.yml");

describe("rewriteRuleFile", () => {
  const dir = useTempDir("firedrill-rules-");

  it("rewrites Cosmictron's rules for speed 30, and promtool accepts them", async () => {
    const text = rewriteRuleFile(await readFile(fixture, "utf8"), { speed: 30, file: fixture });
    const rules = readRuleText(text, fixture).sources[0]?.groups[0]?.rules.map((rule) => [
      rule.name,
      rule.expr,
      rule.for,
    ]);
    expect(rules).toEqual([
      [
        "CosmictronHighReducerErrorRate",
        '(rate(cosmictron_reducer_calls_total{status="error"}[10s]) / 30) > 0.05',
        "10s",
      ],
      [
        "CosmictronWalFsyncLatency",
        "histogram_quantile(0.99, sum by (job, instance, node, le) ((rate(cosmictron_wal_fsync_duration_seconds_bucket[10s]) / 30))) > 0.5",
        "10s",
      ],
      [
        "CosmictronStorageNearFull",
        "cosmictron_storage_bytes_used / cosmictron_storage_disk_total_bytes > 0.85",
        "10s",
      ],
      ["CosmictronNoLiveness", 'up{job="cosmictron"} == 0', "2s"],
      [
        "CosmictronTsaFailures",
        '(rate(cosmictron_compliance_tsa_requests_total{status="error"}[30s]) / 30) > 0',
        undefined,
      ],
    ]);
    expect(text.split("\n")[0]).toBe(
      `# Rewritten by firedrill for speed 30 from ${fixture}: durations divided by 30, rate/irate/deriv divided by 30. Do not edit.`,
    );
    // The fixture's comments say where each condition comes from; they survive the rewrite.
    expect(text).toContain(
      "      # firedrill: for 1m, so that a single failed scrape does not page.\n",
    );
    const file = path.join(dir(), "cosmictron.yml");
    await writeFile(file, text);
    await expect(checkRules(file, promtool)).resolves.toBeUndefined();
  });

  it("scales for, keep_firing_for, group interval and query_offset", () => {
    const text = rewriteRuleFile(
      [
        "groups:",
        "  - name: g",
        "    interval: 1m",
        "    query_offset: 30s",
        "    rules:",
        "      - record: job:x:rate5m",
        "        expr: sum by (job) (rate(x[5m]))",
        "      - alert: A",
        "        expr: |",
        "          job:x:rate5m",
        "            > 1",
        "        for: 10m",
        "        keep_firing_for: 90s",
        "",
      ].join("\n"),
      { speed: 60, file: "g.yml" },
    );
    expect(text).toBe(
      [
        "# Rewritten by firedrill for speed 60 from g.yml: durations divided by 60, rate/irate/deriv divided by 60. Do not edit.",
        "",
        "groups:",
        "  - name: g",
        "    interval: 1s",
        "    query_offset: 500ms",
        "    rules:",
        "      - record: job:x:rate5m",
        "        expr: sum by (job) ((rate(x[5s]) / 60))",
        "      - alert: A",
        "        expr: |",
        "          job:x:rate5m",
        "            > 1",
        "        for: 10s",
        "        keep_firing_for: 1s500ms",
        "",
      ].join("\n"),
    );
  });

  it("returns the text unchanged at speed 1", async () => {
    const text = await readFile(fixture, "utf8");
    expect(rewriteRuleFile(text, { speed: 1, file: fixture })).toBe(text);
  });

  it("names the file, group, rule and position of a syntax error", () => {
    const text = [
      "groups:",
      "  - name: cosmictron",
      "    rules:",
      "      - alert: Ok",
      "        expr: up == 0",
      "      - alert: Broken",
      "        expr: sum(rate(x[5m]) > 1",
      "",
    ].join("\n");
    const call = () => rewriteRuleFile(text, { speed: 30, file: "rules/broken.yml" });
    expect(call).toThrow(InputError);
    expect(call).toThrow(
      'Failed to rewrite rules/broken.yml: group "cosmictron", rule "Broken" for speed 30: syntax error at line 1, column 20 of expr, at the end of the expression. Fix the expression; `promtool check rules` gives Prometheus\' own reading.',
    );
    try {
      call();
    } catch (error) {
      expect((error as InputError).file).toBe("rules/broken.yml");
    }
  });

  it("names the rule whose for is not a duration", () => {
    const text =
      "groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up == 0\n        for: 5 minutes\n";
    expect(() => rewriteRuleFile(text, { speed: 30, file: "g.yml" })).toThrow(
      'Failed to parse g.yml: group "g", rule "A", for: "5 minutes" is not a Prometheus duration. Write whole numbers with units y, w, d, h, m, s, ms, largest first, such as 1m30s or 500ms.',
    );
  });

  it.each([
    [
      "groups: [",
      "Failed to read bad.yml: Flow sequence in block collection must be sufficiently indented and end with a ] at line 1, column 10. Fix the YAML there.",
    ],
    [
      "rules: []\n",
      'Failed to read bad.yml: it has no "groups" list. A Prometheus rule file is a map with groups: [{ name, rules }].',
    ],
    [
      "groups:\n  - name: g\n",
      'Failed to read bad.yml: group "g": it has no "rules" list. Add the group\'s rules under rules:.',
    ],
    [
      "groups:\n  - name: g\n    rules:\n      - alert: A\n",
      'Failed to read bad.yml: group "g", rule "A": it has no expr. Give every rule a PromQL expr.',
    ],
  ])("refuses a malformed file: %j", (text, message) => {
    expect(() => rewriteRuleFile(text, { speed: 30, file: "bad.yml" })).toThrow(message);
  });
});
