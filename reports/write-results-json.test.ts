import { describe, expect, it } from "vitest";
import type { RunResult } from "../harness/result/index.ts";
import { renderResultsJson } from "./write-results-json.ts";

describe("renderResultsJson", () => {
  it("keeps plotted number arrays on one line and parses back to the same results", () => {
    const result: RunResult = {
      runId: "fd1",
      startedAt: "2026-12-01T10:00:00.000Z",
      wallSeconds: 1.5,
      versions: { prometheus: "2.42.0" },
      assumptions: [],
      scenarios: [
        {
          name: "s",
          file: "s.scenario.ts",
          state: "passed",
          driver: "processes",
          speed: 30,
          startedAt: "2026-12-01T10:00:00.000Z",
          wallSeconds: 1,
          durationFleetSeconds: 60,
          faults: [],
          alerts: [],
          deliveries: [],
          expectations: [],
          series: [
            {
              alertname: "A",
              expr: "x > 0.5",
              query: "x",
              times: [0, 15, 30],
              series: [{ labels: { node: "n-0" }, values: [0.1, null, -2.5e-7] }],
              thresholds: [{ op: ">", value: 0.5 }],
            },
          ],
        },
      ],
    };
    const text = renderResultsJson(result);
    expect(text.split("\n").filter((l) => l.includes("["))).toEqual([
      '  "assumptions": [],',
      '  "scenarios": [',
      '      "faults": [],',
      '      "alerts": [],',
      '      "deliveries": [],',
      '      "expectations": [],',
      '      "series": [',
      '          "times": [0,15,30],',
      '          "series": [',
      '              "values": [0.1,null,-2.5e-7]',
      '          "thresholds": [',
    ]);
    expect(JSON.parse(text)).toEqual({ schema: "firedrill.results/v1", ...result });
  });
});
