import { describe, expect, it } from "vitest";
import { parsePromtoolFailures } from "./parse-promtool-failures.ts";

// What promtool 3.16 prints for two failed alert_rule_test entries (a test of this folder's
// export runs the real promtool; this one pins the reading of its text).
const OUTPUT = `Processing test file: t.yml
  FAILED:
    name: demo,
    alertname: High, time: 2m, 
        exp:[
            0:
              Labels:{alertname="High", node="a"}
              Annotations:{}
            ], 
        got:[
            0:
              Labels:{alertname="High", node="a", q="we\\"ird", severity="page"}
              Annotations:{summary="x is 2 on a\\nand \\u00e9"},
            1:
              Labels:{alertname="High", node="b", severity="page"}
              Annotations:{summary="x is 3, on b"}
            ]
    name: demo,
    alertname: High, time: 1h4m30s, 
        exp:[], 
        got:[]
`;

describe("parsePromtoolFailures", () => {
  it("reads each failed check's time and the instances promtool had firing", () => {
    expect(parsePromtoolFailures(OUTPUT)).toEqual([
      {
        alertname: "High",
        evalMs: 120_000,
        got: [
          {
            labels: { alertname: "High", node: "a", q: 'we"ird', severity: "page" },
            annotations: { summary: "x is 2 on a\nand é" },
          },
          {
            labels: { alertname: "High", node: "b", severity: "page" },
            annotations: { summary: "x is 3, on b" },
          },
        ],
      },
      { alertname: "High", evalMs: 3_870_000, got: [] },
    ]);
  });
});
