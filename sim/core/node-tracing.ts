import type { Tracer } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  AlwaysOffSampler,
  BasicTracerProvider,
  BatchSpanProcessor,
  type Sampler,
  type SpanExporter,
} from "@opentelemetry/sdk-trace-base";

/**
 * One simulated node's own tracer provider (never the global one): OTLP/HTTP protobuf export to
 * `${otlpEndpoint}/v1/traces` through a BatchSpanProcessor, with resource service.name and
 * service.instance.id. Without an endpoint (or an injected exporter), spans are created unsampled
 * and never exported. `sampler` replaces the SDK's default (parent-based always-on) when exporting.
 *
 * @example
 * const tracing = new NodeTracing({ serviceName: "cosmictron", instanceId: "cosmictron-0", otlpEndpoint: "http://127.0.0.1:4318" });
 * tracing.tracer.startSpan("query", { startTime: clock.now() }).end(clock.now() + 3);
 * await tracing.shutdown();
 */
export class NodeTracing {
  readonly tracer: Tracer;
  /** Whether spans leave the process. */
  readonly exporting: boolean;
  readonly #provider: BasicTracerProvider;

  constructor(options: {
    serviceName: string;
    instanceId: string;
    otlpEndpoint?: string | undefined;
    /** Decides which traces are recorded while exporting; default parent-based always-on. */
    sampler?: Sampler | undefined;
    /** Replaces the OTLP exporter (tests export to memory); spans are exported even without an endpoint. */
    exporter?: SpanExporter | undefined;
  }) {
    const resource = resourceFromAttributes({
      "service.name": options.serviceName,
      "service.instance.id": options.instanceId,
    });
    const endpoint = options.otlpEndpoint?.replace(/\/+$/, "");
    const exporter =
      options.exporter ??
      (endpoint === undefined
        ? undefined
        : new OTLPTraceExporter({ url: `${endpoint}/v1/traces`, timeoutMillis: 3_000 }));
    this.exporting = exporter !== undefined;
    this.#provider =
      exporter === undefined
        ? new BasicTracerProvider({ resource, sampler: new AlwaysOffSampler() })
        : new BasicTracerProvider({
            resource,
            ...(options.sampler && { sampler: options.sampler }),
            spanProcessors: [
              new BatchSpanProcessor(exporter, {
                maxQueueSize: 4096,
                maxExportBatchSize: 512,
                scheduledDelayMillis: 1_000,
              }),
            ],
          });
    this.tracer = this.#provider.getTracer(options.serviceName);
  }

  /** Exports every finished span now. */
  async forceFlush(): Promise<void> {
    await this.#provider.forceFlush();
  }

  /** Flushes and stops exporting. */
  async shutdown(): Promise<void> {
    await this.#provider.shutdown();
  }
}
