import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDir } from "../testing/use-temp-dir.ts";
import { lintCommand } from "./lint-command.ts";

describe("firedrill lint", () => {
  const dir = useTempDir("firedrill-lint-");

  const lint = async (args: string[]) => {
    let out = "";
    const code = await lintCommand(args, (text) => {
      out += text;
    });
    return { code, out };
  };

  it("passes the fixtures' own rules and dashboards", async () => {
    expect(await lint([])).toEqual({
      code: 0,
      out: "clean: 44 rule(s) in 5 file(s), 32 dashboard queries, against 5 catalogue(s)\n",
    });
  });

  it("flags a misspelled metric and a misspelled label value with file and line, exit 1", async () => {
    const file = path.join(dir(), "prometheus-rule.yaml");
    await writeFile(
      file,
      `apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata: { name: typos, namespace: team }
spec:
  groups:
    - name: typos
      rules:
        - alert: RouterErrors
          expr: |
            sum by (model) (
              rate(cgn_router_requests_total{outcome="eror"}[5m])
            ) > 1
          for: 5m
        - alert: EngineDown
          expr: cgn_agent_engin_ready == 0
          for: 2m
`,
    );
    const shown = path.relative(process.cwd(), file);
    expect(
      await lint(["--rules", file, path.join(dir(), "none.yml")]).catch((e: Error) => e.message),
    ).toMatch(/^Failed to read dashboard/);
    const dashboard = path.join(dir(), "queries.yml");
    await writeFile(
      dashboard,
      'queries:\n  - name: power\n    expr: sum(cgn_power_watts{component="gpu9"})\n',
    );
    expect(await lint(["--rules", file, dashboard])).toEqual({
      code: 1,
      out: [
        `${shown}:11: rule RouterErrors: cgn_router_requests_total{outcome="eror"} matches no value outcome takes (ok, error, rate_limited, admission_rejected)`,
        `${shown}:15: rule EngineDown: metric cgn_agent_engin_ready is in no catalogue of the fleet`,
        `${path.relative(process.cwd(), dashboard)}:3: query power: cgn_power_watts{component="gpu9"} matches no value component takes (chassis, psu0, psu1, gpu0, gpu1, gpu2, gpu3)`,
        "3 problem(s): 2 rule(s) in 1 file(s), 1 dashboard query, against 5 catalogue(s)",
        "",
      ].join("\n"),
    });
  });
});
