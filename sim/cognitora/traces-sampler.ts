import {
  ParentBasedSampler,
  type Sampler,
  TraceIdRatioBasedSampler,
} from "@opentelemetry/sdk-trace-base";
import { SimConfigError } from "../core/errors.ts";

/** The documented default: 1% of new traces. */
const DEFAULT_RATIO = 0.01;

/**
 * Cognitora's sampler: parent-based, new traces kept at OTEL_TRACES_SAMPLER_ARG (default 0.01).
 * A bad value throws SimConfigError naming the variable.
 *
 * @example
 * tracesSampler({ OTEL_TRACES_SAMPLER_ARG: "0.1" }); // 10% of new traces
 */
export function tracesSampler(env: Readonly<Record<string, string | undefined>>): {
  sampler: Sampler;
  ratio: number;
} {
  const raw = env.OTEL_TRACES_SAMPLER_ARG;
  const ratio = raw === undefined || raw.trim() === "" ? DEFAULT_RATIO : Number(raw);
  if (!Number.isFinite(ratio) || ratio < 0 || ratio > 1) {
    throw new SimConfigError(
      `Failed to configure tracing: OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1, got ${JSON.stringify(raw)}. Fix or unset it.`,
      { file: "OTEL_TRACES_SAMPLER_ARG", field: "OTEL_TRACES_SAMPLER_ARG" },
    );
  }
  return { sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(ratio) }), ratio };
}
