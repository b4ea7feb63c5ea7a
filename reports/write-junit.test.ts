import path from "node:path";
import { describe, expect, it } from "vitest";
import type { RunResult } from "../harness/result/index.ts";
import { renderJunit } from "./write-junit.ts";

describe("renderJunit", () => {
  it("carries the file, relative to the current folder, and the line of each scenario", () => {
    const file = path.resolve("drills/a.scenario.ts");
    const result: RunResult = {
      runId: "r",
      startedAt: "2026-12-01T10:00:00.000Z",
      wallSeconds: 12,
      versions: { prometheus: "2.42.0" },
      assumptions: [],
      scenarios: [
        {
          name: "a",
          file,
          location: { file, line: 7 },
          state: "failed",
          driver: "processes",
          speed: 30,
          startedAt: "2026-12-01T10:00:00.000Z",
          wallSeconds: 12,
          durationFleetSeconds: 300,
          faults: [],
          alerts: [],
          deliveries: [],
          expectations: [
            {
              state: "failed",
              expectation: { kind: "no-other-alerts" },
              title: "no other alert fires",
              message: "X fired",
            },
          ],
        },
      ],
    };
    expect(renderJunit(result)).toMatchInlineSnapshot(`
      "<?xml version="1.0" encoding="UTF-8"?>
      <testsuites name="firedrill" tests="1" failures="1" errors="0" skipped="0" time="12.000">
        <testsuite name="a" file="drills/a.scenario.ts" line="7" tests="1" failures="1" errors="0" time="12.000" timestamp="2026-12-01T10:00:00.000Z">
          <properties>
            <property name="driver" value="processes"/>
            <property name="speed" value="30"/>
            <property name="version.prometheus" value="2.42.0"/>
          </properties>
          <testcase name="no other alert fires" classname="a" file="drills/a.scenario.ts" line="7">
            <failure message="X fired"/>
          </testcase>
        </testsuite>
      </testsuites>
      "
    `);
  });
});
