import { Document } from "yaml";
import { scaleDuration } from "../time/index.ts";

/** The Collector's loopback ports. */
export interface CollectorPorts {
  readonly otlpGrpc: number;
  readonly otlpHttp: number;
  /** The prometheus exporter Prometheus scrapes for span metrics. */
  readonly prometheus: number;
  /** The Collector's own metrics (otelcol_*). */
  readonly telemetry: number;
}

/** What renderCollectorConfig needs. */
export interface CollectorConfigOptions {
  readonly speed: number;
  readonly ports: CollectorPorts;
  /** Base URL of the OTLP/HTTP trace sink (the exporter posts to {url}/v1/traces). */
  readonly traceSinkUrl: string;
}

/** Fleet-time span metrics flush: every scrape interval sees a fresh value. */
const flushInterval = "15s";
/** Fleet-time expiry of series the prometheus exporter no longer receives (its default). */
const metricExpiration = "5m";

/**
 * Renders the OpenTelemetry Collector (v0.155, firedrill's build) config: OTLP in on loopback,
 * memory_limiter and batch, spans out to the trace sink over OTLP/HTTP and into span_metrics,
 * whose metrics the prometheus exporter serves; the flush interval divided by the speed.
 * Component names are v0.155's (otlp_http, span_metrics); the old ones are deprecated aliases.
 * @example renderCollectorConfig({ speed: 30, ports, traceSinkUrl: "http://127.0.0.1:4320" })
 */
export function renderCollectorConfig(options: CollectorConfigOptions): string {
  const { speed, ports } = options;
  const config = {
    receivers: {
      otlp: {
        protocols: {
          grpc: { endpoint: `127.0.0.1:${ports.otlpGrpc}` },
          http: { endpoint: `127.0.0.1:${ports.otlpHttp}` },
        },
      },
    },
    processors: {
      memory_limiter: { check_interval: "1s", limit_mib: 512 },
      batch: { timeout: "200ms" },
    },
    connectors: {
      span_metrics: {
        dimensions: [{ name: "cosmictron.reducer" }, { name: "cosmictron.module" }],
        metrics_flush_interval: scaleDuration(
          flushInterval,
          speed,
          "span_metrics' metrics_flush_interval",
        ),
        histogram: {
          explicit: {
            buckets: [
              "2ms",
              "5ms",
              "10ms",
              "25ms",
              "50ms",
              "100ms",
              "250ms",
              "500ms",
              "1s",
              "2.5s",
              "5s",
              "10s",
            ],
          },
        },
      },
    },
    exporters: {
      otlp_http: {
        endpoint: options.traceSinkUrl,
        encoding: "json",
        compression: "none",
        retry_on_failure: { enabled: true },
      },
      prometheus: {
        endpoint: `127.0.0.1:${ports.prometheus}`,
        metric_expiration: scaleDuration(
          metricExpiration,
          speed,
          "the prometheus exporter's metric_expiration",
        ),
      },
    },
    service: {
      telemetry: {
        logs: { level: "info" },
        metrics: {
          readers: [
            { pull: { exporter: { prometheus: { host: "127.0.0.1", port: ports.telemetry } } } },
          ],
        },
      },
      pipelines: {
        traces: {
          receivers: ["otlp"],
          processors: ["memory_limiter", "batch"],
          exporters: ["otlp_http", "span_metrics"],
        },
        metrics: { receivers: ["span_metrics"], exporters: ["prometheus"] },
      },
    },
  };
  const doc = new Document(config);
  doc.commentBefore = ` Rendered by firedrill for speed ${speed}: span metrics flush every ${flushInterval} of fleet time.`;
  return doc.toString({ lineWidth: 0 });
}
