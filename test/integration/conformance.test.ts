import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { defineScenario, expectNoOtherAlerts } from "../../harness/api.ts";
import type { OtlpSink, ReceivedSpan } from "../../harness/observe/otlp-sink.ts";
import { PrometheusClient } from "../../harness/observe/prometheus-client.ts";
import { runScenario } from "../../harness/runner/run-scenario.ts";
import { defaultFixtures } from "../../harness/runner/run-suite.ts";
import { ensureTools } from "../../harness/setup/index.ts";
import { chooseDriver } from "../../harness/stack/index.ts";
import { repoRoot } from "../../harness/tools/tools.ts";
import { type Catalogue, type CatalogueMetric, readCatalogue, systems } from "../../sim/index.ts";
import { selectorsOf } from "./selectors.ts";
import { tempReportDir } from "./support.ts";

const SYSTEMS = systems.map((m) => m.name);
const catalogues = new Map(SYSTEMS.map((s) => [s, readCatalogue(s)]));
const jobsOf = (c: Catalogue) => (c.jobs ? Object.keys(c.jobs) : [c.job ?? c.system]);
/** Series Prometheus makes for every target itself. */
const SYNTHETIC = new Set([
  "up",
  "scrape_duration_seconds",
  "scrape_samples_scraped",
  "scrape_samples_post_metric_relabeling",
  "scrape_series_added",
]);

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  ms = 60_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** A series name's catalogue metric: itself, or the histogram it is a _bucket/_sum/_count of. */
function familyOf(catalogue: Catalogue, name: string): CatalogueMetric | undefined {
  const direct = catalogue.metrics.find((m) => m.name === name);
  if (direct) return direct;
  const base = name.replace(/_(bucket|sum|count)$/, "");
  return catalogue.metrics.find((m) => m.name === base && m.type === "histogram");
}

async function checkMetrics(prometheus: PrometheusClient): Promise<void> {
  const metadata = await prometheus.metadata();
  for (const catalogue of catalogues.values()) {
    const jobs = jobsOf(catalogue);
    const selector = `{job=~"${jobs.join("|")}"}`;
    const samples = await prometheus.query(selector);
    const seen = new Set<string>();
    for (const sample of samples) {
      const name = sample.metric.__name__!;
      // Prometheus' own per-target series, and recording rules' output (level:metric:operations).
      if (SYNTHETIC.has(name) || name.includes(":")) continue;
      const metric = familyOf(catalogue, name);
      expect(metric, `${catalogue.system}: ${name} is emitted but not catalogued`).toBeDefined();
      seen.add(metric!.name);
      const expected = new Set([
        ...metric!.labels,
        ...Object.keys(catalogue.targetLabels ?? {}),
        "job",
        "instance",
        ...(name.endsWith("_bucket") ? ["le"] : []),
      ]);
      const labels = Object.keys(sample.metric).filter((l) => l !== "__name__");
      expect(labels.sort(), `${catalogue.system}: labels of ${name}`).toEqual([...expected].sort());
      for (const [label, values] of Object.entries(metric!.labelValues ?? {})) {
        expect(values, `${name}{${label}="${sample.metric[label]}"}`).toContain(
          sample.metric[label],
        );
      }
    }
    expect([...seen].sort(), `${catalogue.system}: catalogued metrics scraped`).toEqual(
      catalogue.metrics.map((m) => m.name).sort(),
    );
    for (const metric of catalogue.metrics) {
      // OpenMetrics names a counter family without _total.
      const meta = metadata[metric.name] ?? metadata[metric.name.replace(/_total$/, "")];
      expect(meta?.[0]?.type, `${catalogue.system}: type of ${metric.name}`).toBe(metric.type);
    }
  }
}

async function checkRules(
  prometheus: PrometheusClient,
  ruleFiles: readonly string[],
): Promise<Set<string>> {
  const response = (await (await fetch(`${prometheus.url}/api/v1/rules`)).json()) as {
    data: {
      groups: { name: string; rules: { name: string; health: string; lastError?: string }[] }[];
    };
  };
  const loaded = response.data.groups.map((g) => g.name).sort();
  const recorded = new Set<string>();
  const exprs: { file: string; rule: string; expr: string }[] = [];
  const written: string[] = [];
  for (const file of ruleFiles) {
    const doc = parseYaml(readFileSync(file, "utf8")) as {
      groups: { name: string; rules: { alert?: string; record?: string; expr: string }[] }[];
    };
    for (const group of doc.groups) {
      written.push(group.name);
      for (const rule of group.rules) {
        if (rule.record) recorded.add(rule.record);
        exprs.push({ file, rule: rule.alert ?? rule.record ?? "", expr: String(rule.expr) });
      }
    }
  }
  expect(loaded).toEqual(written.sort());
  for (const group of response.data.groups) {
    for (const rule of group.rules) {
      expect(rule.health, `${group.name}/${rule.name}: ${rule.lastError ?? ""}`).toBe("ok");
    }
  }
  await checkSelectors(prometheus, exprs, recorded);
  return recorded;
}

/** Every expr string in a parsed JSON or YAML document (dashboards and query lists), by its name. */
function exprsIn(
  value: unknown,
  file: string,
  name = "",
): { file: string; rule: string; expr: string }[] {
  if (Array.isArray(value)) return value.flatMap((v) => exprsIn(v, file, name));
  if (typeof value !== "object" || value === null) return [];
  const record = value as Record<string, unknown>;
  const label = String(record.name ?? record.title ?? name);
  return Object.entries(record).flatMap(([key, v]) =>
    key === "expr" && typeof v === "string"
      ? [{ file, rule: label, expr: v }]
      : exprsIn(v, file, label),
  );
}

/** The dashboards' panels and the documents' example queries evaluate in Prometheus, on the fleet's series. */
async function checkDashboards(prometheus: PrometheusClient, recorded: Set<string>): Promise<void> {
  const exprs = SYSTEMS.flatMap((system) =>
    ["dashboard.json", "queries.yml"].flatMap((name) => {
      const file = path.join(repoRoot, "fixtures", system, name);
      if (!existsSync(file)) return [];
      const text = readFileSync(file, "utf8");
      return exprsIn(name.endsWith(".json") ? JSON.parse(text) : parseYaml(text), file);
    }),
  );
  expect(exprs.length).toBeGreaterThan(10);
  for (const { file, rule, expr } of exprs) {
    // A query Prometheus 2.42 rejects throws here, naming itself.
    await prometheus.query(expr).catch((error: Error) => {
      throw new Error(`${path.relative(repoRoot, file)} "${rule}": ${error.message}`);
    });
  }
  await checkSelectors(prometheus, exprs, recorded);
}

/** Every selector of every expression matches a series the fleet emits (or a documented label value). */
async function checkSelectors(
  prometheus: PrometheusClient,
  exprs: readonly { file: string; rule: string; expr: string }[],
  recorded: Set<string>,
): Promise<void> {
  const allMetrics = [...catalogues.values()].flatMap((c) => c.metrics);
  for (const { file, rule, expr } of exprs) {
    for (const selector of selectorsOf(expr)) {
      const where = `${path.relative(repoRoot, file)} ${rule}: ${selector.text}`;
      if (recorded.has(selector.metric)) continue;
      if (selector.metric === "") {
        // A selector by __name__ matchers: it must match some series as written.
        const matched = await prometheus.query(`count by (__name__) (${selector.text})`);
        expect(matched.length, `${where}: matches nothing`).toBeGreaterThan(0);
        continue;
      }
      const series = await prometheus.query(
        `count by (__name__) ({__name__="${selector.metric}"})`,
      );
      expect(series.length, `${where}: no series named ${selector.metric}`).toBeGreaterThan(0);
      const metric = allMetrics.find(
        (m) => m.name === selector.metric.replace(/_(bucket|sum|count)$/, ""),
      );
      for (const matcher of selector.matchers) {
        const declared = metric?.labelValues?.[matcher.label];
        if (matcher.op === "=" && declared?.includes(matcher.value)) continue;
        // Otherwise some series must carry the label (and, for "=", the value) right now.
        const probe =
          matcher.op === "="
            ? `count(${selector.metric}{${matcher.label}="${matcher.value}"})`
            : `count(${selector.metric}{${matcher.label}!=""})`;
        const found = await prometheus.query(probe);
        expect(
          found.length,
          `${where}: nothing matches ${matcher.label}${matcher.op}"${matcher.value}"`,
        ).toBeGreaterThan(0);
      }
    }
  }
}

function checkSpans(otlp: OtlpSink): void {
  const byId = new Map(otlp.spans.map((s) => [s.spanId, s]));
  const reducer = otlp.spans.find((s) => s.name.startsWith("reducer"));
  expect(reducer, "a Cosmictron reducer span").toBeDefined();
  expect(reducer!.attributes["db.system"]).toBe("cosmictron");
  for (const key of [
    "cosmictron.reducer",
    "cosmictron.module",
    "cosmictron.identity",
    "cosmictron.tx_id",
  ]) {
    expect(reducer!.attributes[key], key).toBeDefined();
  }
  // Cognitora: engine.forward ← agent.generate ← router.pick ← gateway.chat|embed, one trace.
  const engine = otlp.spans.find(
    (s) => s.name === "engine.forward" && byId.get(s.parentSpanId)?.name === "agent.generate",
  );
  expect(engine, "an engine.forward span whose parent arrived").toBeDefined();
  const agent = byId.get(engine!.parentSpanId)!;
  const router = byId.get(agent.parentSpanId);
  expect(router?.name).toBe("router.pick");
  const gateway = byId.get(router!.parentSpanId) as ReceivedSpan;
  expect(gateway?.name).toMatch(/^gateway\.(chat|embed)$/);
  expect(gateway.parentSpanId).toBe("");
  for (const span of [engine!, agent, router!, gateway]) expect(span.traceId).toBe(gateway.traceId);
  for (const key of ["model", "subject", "prompt_tokens", "cache_hit"]) {
    expect(gateway.attributes[key], `gateway.${key}`).toBeDefined();
  }
  for (const key of ["score", "node_id", "kv_overlap", "load", "power"]) {
    expect(router!.attributes[key], `router.pick ${key}`).toBeDefined();
  }
}

/** The documented fields of each system's JSON log lines (dotted paths into the line). */
const LOG_FIELDS: Record<string, string[]> = {
  cosmictron: ["timestamp", "level", "target", "fields.message"],
  cognitora: [
    "timestamp",
    "level",
    "service",
    "version",
    "node_id",
    "request_id",
    "subject",
    "target",
    "message",
  ],
  reactor: ["timestamp", "level", "target", "fields.message"],
  lattice: ["timestamp", "level", "target"],
  dsfb: ["timestamp", "level", "target"],
};

function checkLogs(logsDir: string): void {
  for (const [system, fields] of Object.entries(LOG_FIELDS)) {
    const lines = readFileSync(path.join(logsDir, `sim-${system}.log`), "utf8")
      .split("\n")
      .filter(Boolean);
    expect(lines.length, `${system} logged`).toBeGreaterThan(0);
    for (const line of lines) {
      const event = JSON.parse(line) as Record<string, unknown>;
      for (const field of fields) {
        const value = field
          .split(".")
          .reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], event);
        expect(value, `${system} log field ${field} in ${line.slice(0, 200)}`).toBeDefined();
      }
      expect(Number.isNaN(Date.parse(String(event.timestamp))), `${system} timestamp`).toBe(false);
    }
  }
}

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
