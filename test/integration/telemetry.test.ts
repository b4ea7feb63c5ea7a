import path from "node:path";
import { describe, expect, it } from "vitest";
import type { OtlpSink } from "../../harness/observe/otlp-sink.ts";
import { PrometheusClient } from "../../harness/observe/prometheus-client.ts";
import { runScenario } from "../../harness/runner/run-scenario.ts";
import { loadScenarios } from "../../harness/scenario/load-scenarios.ts";
import { ensureTools } from "../../harness/setup/index.ts";
import type { StartedStack } from "../../harness/stack/index.ts";
import { chooseDriver } from "../../harness/stack/index.ts";
import { repoRoot } from "../../harness/tools/tools.ts";
import { readCatalogue } from "../../sim/index.ts";
import { until } from "./conformance/until.ts";
import { tempReportDir } from "./support.ts";

const catalogue = readCatalogue("cosmictron");

const TARGET_LABELS = new Set(["__name__", "job", "instance", "node", "le"]);

async function checkMetrics(prometheus: PrometheusClient): Promise<void> {
  for (const metric of catalogue.metrics) {
    const series = metric.type === "histogram" ? `${metric.name}_bucket` : metric.name;
    const samples = await until(`${series} in Prometheus`, async () => {
      const found = await prometheus.query(`${series}{job="cosmictron"}`);
      return found.length > 0 ? found : undefined;
    });
    for (const sample of samples) {
      const labels = Object.keys(sample.metric)
        .filter((l) => !TARGET_LABELS.has(l))
        .sort();
      expect(labels, series).toEqual([...metric.labels].sort());
      expect(sample.metric.node, series).toMatch(/^cosmictron-[01]$/);
      for (const [label, values] of Object.entries(metric.labelValues ?? {})) {
        expect(values, `${series}{${label}}`).toContain(sample.metric[label]);
      }
    }
  }
  const metadata = await prometheus.metadata();
  for (const metric of catalogue.metrics) {
    expect(metadata[metric.name]?.[0]?.type, metric.name).toBe(metric.type);
  }
  // A series name is a catalogue name, or a histogram's _bucket/_sum/_count of one.
  const family = (name: string) => {
    if (catalogue.metrics.some((m) => m.name === name)) return name;
    const base = name.replace(/_(bucket|sum|count)$/, "");
    return catalogue.metrics.some((m) => m.name === base && m.type === "histogram") ? base : name;
  };
  const emitted = new Set(
    (await prometheus.query('{job="cosmictron", __name__=~"cosmictron_.*"}')).map((s) =>
      family(s.metric.__name__!),
    ),
  );
  expect([...emitted].sort()).toEqual(catalogue.metrics.map((m) => m.name).sort());
}

async function checkSpans(otlp: OtlpSink, prometheus: PrometheusClient): Promise<void> {
  const reducer = await until("a reducer span through the Collector", async () =>
    otlp.spans.find((s) => s.attributes["cosmictron.reducer"] !== undefined),
  );
  expect(reducer.resource["service.name"]).toBe("cosmictron");
  expect(reducer.attributes["db.system"]).toBe("cosmictron");
  for (const key of ["cosmictron.reducer", "cosmictron.module", "cosmictron.identity"]) {
    expect(typeof reducer.attributes[key], key).toBe("string");
    expect(String(reducer.attributes[key]).length, key).toBeGreaterThan(0);
  }
  // A transaction id is a number in the sim, as in Cosmictron's WAL.
  expect(reducer.attributes["cosmictron.tx_id"]).toBeGreaterThan(0);
  // Queries and subscription events are traced too.
  await until("query and subscription spans", async () => {
    const names = new Set(otlp.spans.map((s) => s.name.split(" ")[0]));
    return names.has("query") && names.has("subscription") ? true : undefined;
  });
  // The spanmetrics connector's series reach Prometheus through the Collector's exporter.
  await until("spanmetrics series in Prometheus", async () => {
    const found = await prometheus.query(
      '{__name__=~"traces_span_metrics_calls_total|calls_total", service_name="cosmictron"}',
    );
    return found.length > 0 ? found : undefined;
  });
}

describe("telemetry through the real stack", () => {
  it("scrapes all 15 catalogue metrics with their labels and delivers reducer spans with their attributes", async () => {
    const tools = await ensureTools();
    const driver = await chooseDriver("processes");
    const [loaded] = await loadScenarios([
      path.join(repoRoot, "test/integration/scenarios/telemetry.scenario.ts"),
    ]);
    let checked = false;
    const result = await runScenario(loaded!, {
      runId: `telemetry${Date.now().toString(36)}`,
      driver,
      tools,
      speed: 30,
      ruleFiles: [path.join(repoRoot, "fixtures/cosmictron/rules.yml")],
      alertmanagerConfig: path.join(repoRoot, "fixtures/alertmanager.yml"),
      dir: tempReportDir("telemetry"),
      reporter: {},
      onStackReady: async (stack: StartedStack, _fleet, otlp) => {
        const prometheus = new PrometheusClient(stack.prometheusUrl);
        await checkMetrics(prometheus);
        await checkSpans(otlp, prometheus);
        checked = true;
      },
    });
    expect(checked).toBe(true);
    expect(result.state).toBe("passed");
  });
});
