import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { defineScenario, expectNoOtherAlerts } from "../../harness/api.ts";
import { PrometheusClient } from "../../harness/observe/prometheus-client.ts";
import { runScenario } from "../../harness/runner/run-scenario.ts";
import { defaultFixtures } from "../../harness/runner/run-suite.ts";
import { ensureTools } from "../../harness/setup/index.ts";
import { chooseDriver } from "../../harness/stack/index.ts";
import { checkDashboards } from "./conformance/check-dashboards.ts";
import { checkLogs } from "./conformance/check-logs.ts";
import { checkMetrics } from "./conformance/check-metrics.ts";
import { checkRules } from "./conformance/check-rules.ts";
import { checkSpans } from "./conformance/check-spans.ts";
import { until } from "./conformance/until.ts";
import { tempReportDir } from "./support.ts";

describe("conformance of the whole fleet, through the real stack", () => {
  it("emits exactly the catalogued metrics, the documented spans and log fields; every rule, dashboard panel and example query evaluates on its series", async () => {
    const fixtures = await defaultFixtures();
    const tools = await ensureTools();
    const driver = await chooseDriver("processes");
    const scenario = defineScenario({
      name: "conformance",
      fleet: {
        cosmictron: { nodes: 2 },
        cognitora: { routers: 1, agents: 2, kvcached: 1 },
        reactor: { nodes: 2 },
        lattice: { lattices: 1, members: 3 },
        dsfb: { nodes: 2 },
      },
      duration: "3m",
      faults: [],
      expect: [expectNoOtherAlerts()],
    });
    // Sample every Cognitora request, so the span tree is there to check.
    process.env.OTEL_TRACES_SAMPLER_ARG = "1";
    const dir = tempReportDir("conformance");
    let checked = false;
    const result = await runScenario(
      { file: "conformance.test.ts", scenario },
      {
        runId: `conf${Date.now().toString(36)}`,
        driver,
        tools,
        speed: 30,
        ruleFiles: fixtures.ruleFiles,
        alertmanagerConfig: fixtures.alertmanagerConfig,
        dir,
        reporter: {},
        onStackReady: async (stack, _fleets, otlp) => {
          const prometheus = new PrometheusClient(stack.prometheusUrl);
          // Two evaluation rounds in, every rule has run once and every family was scraped.
          await until("a scrape of every family", async () => {
            const families = await prometheus.query(
              'count by (job) ({__name__=~".+", job!~"otelcol.*"})',
            );
            return families.length >= 6 ? true : undefined;
          });
          await new Promise((r) => setTimeout(r, 3_000));
          await checkMetrics(prometheus);
          const recorded = await checkRules(prometheus, fixtures.ruleFiles);
          await checkDashboards(prometheus, recorded);
          await until("the Cognitora span tree", async () => {
            try {
              checkSpans(otlp);
              return true;
            } catch {
              return undefined;
            }
          });
          checkSpans(otlp);
          checked = true;
        },
      },
    );
    delete process.env.OTEL_TRACES_SAMPLER_ARG;
    expect(checked).toBe(true);
    checkLogs(path.join(dir, "logs"));
    expect(result.state).toBe("passed");
  });

  it("samples Cognitora traces at OTEL_TRACES_SAMPLER_ARG within 4 standard deviations, as the Collector delivers them", async () => {
    const fixtures = await defaultFixtures();
    const tools = await ensureTools();
    const driver = await chooseDriver("processes");
    const ratio = 0.25;
    const scenario = defineScenario({
      name: "sampling",
      fleet: { cognitora: { routers: 2, agents: 2, kvcached: 1 } },
      duration: "1m",
      faults: [],
      expect: [expectNoOtherAlerts()],
    });
    process.env.OTEL_TRACES_SAMPLER_ARG = String(ratio);
    const dir = tempReportDir("sampling");
    let measured: { requests: number; sampled: number } | undefined;
    await runScenario(
      { file: "conformance.test.ts", scenario },
      {
        runId: `samp${Date.now().toString(36)}`,
        driver,
        tools,
        speed: 30,
        ruleFiles: fixtures.ruleFiles,
        alertmanagerConfig: fixtures.alertmanagerConfig,
        dir,
        reporter: {},
        onStackReady: async (_stack, _fleets, otlp) => {
          // Let traffic run, then count the requests logged up to a cutoff well behind the
          // newest line, and (after the exporters' batches have flushed) the root spans
          // started by then.
          await new Promise((r) => setTimeout(r, 20_000));
          const lines = readFileSync(path.join(dir, "logs", "sim-cognitora.log"), "utf8")
            .split("\n")
            .filter(Boolean)
            .map(
              (l) => JSON.parse(l) as { timestamp: string; request_id: string; service: string },
            );
          const cutoff = Date.parse(lines.at(-1)!.timestamp) - 60_000;
          const requests = new Set(
            lines
              .filter(
                (l) =>
                  l.service === "cgn-router" && l.request_id && Date.parse(l.timestamp) <= cutoff,
              )
              .map((l) => l.request_id),
          ).size;
          await new Promise((r) => setTimeout(r, 10_000));
          const sampled = otlp.spans.filter(
            (s) =>
              s.name.startsWith("gateway.") &&
              Number(BigInt(s.startTimeUnixNano) / 1_000_000n) <= cutoff,
          ).length;
          measured = { requests, sampled };
        },
      },
    );
    delete process.env.OTEL_TRACES_SAMPLER_ARG;
    const { requests, sampled } = measured!;
    expect(requests).toBeGreaterThan(1_000);
    const sigma = Math.sqrt((ratio * (1 - ratio)) / requests);
    expect(Math.abs(sampled / requests - ratio), `${sampled} of ${requests} sampled`).toBeLessThan(
      4 * sigma,
    );
  });
});
