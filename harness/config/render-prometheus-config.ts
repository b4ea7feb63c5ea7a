import { Document } from "yaml";
import { InputError } from "../errors.ts";
import { formatDuration, parseDuration, scaleMilliseconds } from "../time/index.ts";

/** One scrape target and the labels the scrape config adds to its series (node="cosmictron-0"). */
export interface ScrapeTarget {
  readonly address: string;
  readonly labels?: Readonly<Record<string, string>>;
}

/** One scrape job; intervals in fleet time, defaulting to the global ones. */
export interface ScrapeJob {
  readonly job: string;
  readonly targets: readonly ScrapeTarget[];
  readonly scrapeInterval?: string;
  readonly metricsPath?: string;
  /** Keep the labels the target exposes when they clash with target labels (federation, lattice). */
  readonly honorLabels?: boolean;
}

/** What renderPrometheusConfig needs; every duration is in fleet time. */
export interface PrometheusConfigOptions {
  readonly speed: number;
  readonly scrapeInterval: string;
  readonly evaluationInterval: string;
  /**
   * Defaults to 12s, never more than a job's scrape interval. (Prometheus' own default, 10s, is
   * 333.33ms at 30x: not whole milliseconds, so it would be refused.)
   */
  readonly scrapeTimeout?: string;
  /** Absolute paths of the rewritten rule files. */
  readonly ruleFiles: readonly string[];
  /** Alertmanager as host:port ("127.0.0.1:9093"), or a URL with scheme and path prefix. */
  readonly alertmanagerUrl: string;
  readonly jobs: readonly ScrapeJob[];
  /** host:port of the Collector's prometheus exporter (spanmetrics). */
  readonly collectorPrometheus: string;
  /** host:port of the Collector's own telemetry. */
  readonly collectorTelemetry: string;
}

/**
 * Renders prometheus.yml for a stack running `speed` times faster than the fleet: global and
 * per-job scrape intervals, scrape timeouts and the evaluation interval divided by the speed;
 * jobs `otelcol-spanmetrics` and `otelcol` scrape the Collector.
 * @example renderPrometheusConfig({ speed: 30, scrapeInterval: "15s", evaluationInterval: "15s", ... })
 */
export function renderPrometheusConfig(options: PrometheusConfigOptions): string {
  const { speed } = options;
  const scale = (text: string, where: string) =>
    scaleMilliseconds(parseDuration(text, where), speed, where);
  const interval = scale(options.scrapeInterval, "the scrape interval");
  const timeout = scale(options.scrapeTimeout ?? "12s", "the scrape timeout");
  const scrapeJob = (job: ScrapeJob) => {
    const jobInterval =
      job.scrapeInterval === undefined
        ? interval
        : scale(job.scrapeInterval, `job ${job.job}'s scrape interval`);
    return {
      job_name: job.job,
      scrape_interval: formatDuration(jobInterval),
      // Prometheus refuses a timeout longer than the interval.
      scrape_timeout: formatDuration(Math.min(timeout, jobInterval)),
      ...(job.metricsPath === undefined ? {} : { metrics_path: job.metricsPath }),
      ...(job.honorLabels ? { honor_labels: true } : {}),
      static_configs: job.targets.map((target) => ({
        targets: [target.address],
        ...(target.labels === undefined || Object.keys(target.labels).length === 0
          ? {}
          : { labels: { ...target.labels } }),
      })),
    };
  };
  const jobs: ScrapeJob[] = [
    ...options.jobs,
    { job: "otelcol-spanmetrics", targets: [{ address: options.collectorPrometheus }] },
    { job: "otelcol", targets: [{ address: options.collectorTelemetry }] },
  ];
  const names = jobs.map((job) => job.job);
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate !== undefined) {
    throw new InputError(
      `Failed to render prometheus.yml: job "${duplicate}" appears twice. Give every scrape job its own name (otelcol and otelcol-spanmetrics are firedrill's).`,
    );
  }
  const config = {
    global: {
      scrape_interval: formatDuration(interval),
      scrape_timeout: formatDuration(Math.min(timeout, interval)),
      evaluation_interval: formatDuration(
        scale(options.evaluationInterval, "the evaluation interval"),
      ),
    },
    rule_files: [...options.ruleFiles],
    alerting: { alertmanagers: [alertmanager(options.alertmanagerUrl)] },
    scrape_configs: jobs.map(scrapeJob),
  };
  const doc = new Document(config);
  doc.commentBefore = ` Rendered by firedrill for speed ${speed}: fleet intervals (scrape ${options.scrapeInterval}, evaluation ${options.evaluationInterval}) divided by ${speed}.`;
  return doc.toString({ lineWidth: 0 });
}

// An alertmanagers entry for host:port or a URL with a scheme and path prefix.
function alertmanager(address: string) {
  if (!address.includes("://")) return { static_configs: [{ targets: [address] }] };
  const url = new URL(address);
  return {
    scheme: url.protocol.replace(":", ""),
    ...(url.pathname === "/" ? {} : { path_prefix: url.pathname }),
    static_configs: [{ targets: [url.host] }],
  };
}
