import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Tools } from "../../tools/tools.ts";
import { allocateStackPorts } from "../allocate-stack-ports.ts";
import type { StackSpec } from "../types.ts";

/**
 * A stack spec for tests, with small hand-written configs in a fresh tmp run folder: Prometheus
 * scraping itself, Alertmanager with one webhook receiver, a Collector with an OTLP receiver, a
 * batch processor, a debug exporter and its telemetry on the chosen port.
 */
export async function minimalStackSpec(tools: Tools, runId: string): Promise<StackSpec> {
  const runDir = await mkdtemp(path.join(os.tmpdir(), `firedrill-${runId}-`));
  await mkdir(path.join(runDir, "logs"), { recursive: true });
  const ports = await allocateStackPorts();
  const files = {
    prometheusConfig: path.join(runDir, "prometheus.yml"),
    alertmanagerConfig: path.join(runDir, "alertmanager.yml"),
    collectorConfig: path.join(runDir, "collector.yml"),
  };
  await writeFile(
    files.prometheusConfig,
    `global:
  scrape_interval: 1s
  evaluation_interval: 1s
alerting:
  alertmanagers:
    - static_configs:
        - targets: ["127.0.0.1:${ports.alertmanager}"]
scrape_configs:
  - job_name: prometheus
    static_configs:
      - targets: ["127.0.0.1:${ports.prometheus}"]
`,
  );
  await writeFile(
    files.alertmanagerConfig,
    `route:
  receiver: webhook
receivers:
  - name: webhook
    webhook_configs:
      - url: "http://127.0.0.1:9/hook"
`,
  );
  await writeFile(
    files.collectorConfig,
    `receivers:
  otlp:
    protocols:
      grpc:
        endpoint: 127.0.0.1:${ports.collectorOtlpGrpc}
      http:
        endpoint: 127.0.0.1:${ports.collectorOtlpHttp}
processors:
  batch: {}
exporters:
  debug: {}
service:
  telemetry:
    metrics:
      readers:
        - pull:
            exporter:
              prometheus:
                host: 127.0.0.1
                port: ${ports.collectorTelemetry}
  pipelines:
    traces:
      receivers: [otlp]
      processors: [batch]
      exporters: [debug]
`,
  );
  return {
    runDir,
    runId,
    ports,
    files,
    extraArgs: { prometheus: [], alertmanager: [] },
    tools,
  };
}
