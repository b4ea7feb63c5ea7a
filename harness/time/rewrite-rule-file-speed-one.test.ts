import { describe, expect, it } from "vitest";
import { rewriteRuleFile } from "./rewrite-rule-file.ts";

// A rule that reads wall-clock time is refused on its own: the rest of its file drills sped up.
const file = [
  "groups:",
  "  - name: freshness",
  "    rules:",
  "      - alert: StaleBackup",
  "        expr: time() - backup_last_success_timestamp_seconds > 3600",
  "      - alert: ErrorsHigh",
  "        expr: rate(errors_total[5m]) > 1",
  "        for: 5m",
  "      - alert: PinnedPeak",
  "        expr: max_over_time(load[10m] @ 1700000000) > 2",
  "      - record: job:age:seconds",
  "        expr: timestamp(up)",
  "",
].join("\n");

describe("rewriteRuleFile with onSpeedOneRule", () => {
  it("leaves out each rule that reads wall-clock time, names it, and rewrites the rest", () => {
    const messages: string[] = [];
    const text = rewriteRuleFile(file, {
      speed: 30,
      file: "freshness.yml",
      onSpeedOneRule: (message) => messages.push(message),
    });
    expect(text).toBe(
      [
        '# Rewritten by firedrill for speed 30 from freshness.yml: durations divided by 30, rate/irate/deriv divided by 30. Left out, as they read wall-clock time (drill them at speed 1): "StaleBackup", "PinnedPeak", "job:age:seconds". Do not edit.',
        "",
        "groups:",
        "  - name: freshness",
        "    rules:",
        "      - alert: ErrorsHigh",
        "        expr: (rate(errors_total[10s]) / 30) > 1",
        "        for: 10s",
        "",
      ].join("\n"),
    );
    expect(messages).toEqual([
      'Failed to rewrite freshness.yml: group "freshness", rule "StaleBackup" for speed 30: time() at line 1, column 1 of expr returns wall-clock time, which does not speed up with the fleet. Run this rule at speed 1, or write it without wall-clock time.',
      'Failed to rewrite freshness.yml: group "freshness", rule "PinnedPeak" for speed 30: the @ modifier at line 1, column 25 of expr pins evaluation to a wall-clock timestamp, which does not speed up with the fleet. Run this rule at speed 1, or drop the @ modifier.',
      'Failed to rewrite freshness.yml: group "freshness", rule "job:age:seconds" for speed 30: timestamp() at line 1, column 1 of expr returns wall-clock time, which does not speed up with the fleet. Run this rule at speed 1, or write it without wall-clock time.',
    ]);
  });

  it("without it, such a rule still refuses the file", () => {
    expect(() => rewriteRuleFile(file, { speed: 30, file: "freshness.yml" })).toThrow(
      'Failed to rewrite freshness.yml: group "freshness", rule "StaleBackup" for speed 30: time() at line 1, column 1 of expr returns wall-clock time',
    );
  });

  it("keeps every rule at speed 1", () => {
    const messages: string[] = [];
    expect(
      rewriteRuleFile(file, { speed: 1, file: "f.yml", onSpeedOneRule: (m) => messages.push(m) }),
    ).toBe(file);
    expect(messages).toEqual([]);
  });
});
