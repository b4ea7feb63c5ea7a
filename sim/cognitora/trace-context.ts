import type http from "node:http";
import { type Context, ROOT_CONTEXT, type Span, trace } from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";

const propagator = new W3CTraceContextPropagator();

/** Setter and getter for plain header records. */
const setter = {
  set: (carrier: Record<string, string>, key: string, value: string) => {
    carrier[key] = value;
  },
};
const getter = {
  keys: (carrier: http.IncomingHttpHeaders) => Object.keys(carrier),
  get: (carrier: http.IncomingHttpHeaders, key: string) => carrier[key],
};

/**
 * W3C trace context over HTTP headers, without the global propagator: `inject` gives the
 * traceparent of a span, `extract` the parent context of an incoming request.
 *
 * @example
 * await fetch(url, { headers: { ...traceContext.inject(span) } });
 * const parent = traceContext.extract(req.headers);
 */
export const traceContext = {
  inject(span: Span): Record<string, string> {
    const carrier: Record<string, string> = {};
    propagator.inject(trace.setSpan(ROOT_CONTEXT, span), carrier, setter);
    return carrier;
  },
  extract(headers: http.IncomingHttpHeaders): Context {
    return propagator.extract(ROOT_CONTEXT, headers, getter);
  },
};
