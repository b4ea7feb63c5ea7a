import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { useTempDir } from "../testing/use-temp-dir.ts";
import { renderCollectorConfig } from "./render-collector-config.ts";

// The Collector firedrill builds (fixtures/otelcol/builder-config.yaml); the harness takes its
// path from loadTools().otelcol.path, this test from FIREDRILL_OTELCOL or the builder's output.
const otelcol = process.env.FIREDRILL_OTELCOL ?? "/tmp/colbuild/out/otelcol-firedrill";
const ports = { otlpGrpc: 41401, otlpHttp: 41402, prometheus: 41403, telemetry: 41404 };

describe("renderCollectorConfig", () => {
  const dir = useTempDir("firedrill-otelcol-");

  const render = (speed: number) =>
    renderCollectorConfig({ speed, ports, traceSinkUrl: "http://127.0.0.1:41500" });

  it("wires OTLP in, spans to the sink and to span metrics, span metrics to Prometheus", () => {
    const config = parse(render(30));
    expect(config.receivers).toEqual({
      otlp: {
        protocols: { grpc: { endpoint: "127.0.0.1:41401" }, http: { endpoint: "127.0.0.1:41402" } },
      },
    });
    expect(config.processors).toEqual({
      memory_limiter: { check_interval: "1s", limit_mib: 512 },
      batch: { timeout: "200ms" },
    });
    expect(config.connectors.span_metrics.dimensions).toEqual([
      { name: "cosmictron.reducer" },
      { name: "cosmictron.module" },
    ]);
    expect(config.connectors.span_metrics.metrics_flush_interval).toBe("500ms");
    expect(config.exporters).toEqual({
      otlp_http: {
        endpoint: "http://127.0.0.1:41500",
        encoding: "json",
        compression: "none",
        retry_on_failure: { enabled: true },
      },
      prometheus: { endpoint: "127.0.0.1:41403", metric_expiration: "10s" },
    });
    expect(config.service.pipelines).toEqual({
      traces: {
        receivers: ["otlp"],
        processors: ["memory_limiter", "batch"],
        exporters: ["otlp_http", "span_metrics"],
      },
      metrics: { receivers: ["span_metrics"], exporters: ["prometheus"] },
    });
    expect(config.service.telemetry).toEqual({
      logs: { level: "info" },
      metrics: {
        readers: [{ pull: { exporter: { prometheus: { host: "127.0.0.1", port: 41404 } } } }],
      },
    });
  });

  it("flushes span metrics every 15s of fleet time", () => {
    expect(parse(render(1)).connectors.span_metrics.metrics_flush_interval).toBe("15s");
  });

  it.skipIf(!existsSync(otelcol))(
    `passes \`otelcol-firedrill validate\` (skipped when ${otelcol} is absent: run \`npx firedrill setup\` or set FIREDRILL_OTELCOL)`,
    async () => {
      const file = path.join(dir(), "otelcol.yml");
      await writeFile(file, render(30));
      const result = await execa(otelcol, ["validate", `--config=${file}`], { reject: false });
      expect(result.stderr).toBe("");
      expect(result.exitCode).toBe(0);
    },
  );
});
