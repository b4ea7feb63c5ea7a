import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { noiseRuleMutants } from "./noise-rule-mutants.ts";

const rules = `groups:
  - name: g
    rules:
      - alert: Down
        expr: up == 0
  - name: h
    rules:
      - record: r
        expr: sum(x)
`;
const noise = `groups:
  - name: noise
    rules:
      - alert: LeaderChanged
        expr: increase(leader_changes_total[1m]) > 0
        labels:
          severity: page
      - record: not-an-alert
        expr: sum(y)
`;

describe("noiseRuleMutants", () => {
  it("adds each alert of the noise file, in turn, to the rule file's first group", () => {
    const mutants = noiseRuleMutants(rules, noise);
    expect(mutants.map((m) => [m.id, m.alert, m.kind, m.change])).toEqual([
      [
        "LeaderChanged/noise-rule-added",
        "LeaderChanged",
        "noise-rule-added",
        "rule added: increase(leader_changes_total[1m]) > 0",
      ],
    ]);
    const groups = (parse(mutants[0]!.text) as { groups: { rules: object[] }[] }).groups;
    expect(groups[0]?.rules).toEqual([
      { alert: "Down", expr: "up == 0" },
      {
        alert: "LeaderChanged",
        expr: "increase(leader_changes_total[1m]) > 0",
        labels: { severity: "page" },
      },
    ]);
    expect(groups[1]?.rules).toEqual([{ record: "r", expr: "sum(x)" }]);
  });

  it("makes none from a file without groups", () => {
    expect(noiseRuleMutants(rules, "# nothing\n")).toEqual([]);
  });
});
