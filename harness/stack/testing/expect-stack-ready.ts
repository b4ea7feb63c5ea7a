import { expect } from "vitest";
import type { StartedStack } from "../types.ts";
import { httpStatus } from "./http-status.ts";

/**
 * For tests: each component of a started stack answers 200 where it says it is ready
 * (Prometheus' and Alertmanager's /-/ready, the Collector's own /metrics).
 */
export async function expectStackReady(stack: StartedStack): Promise<void> {
  expect(await httpStatus(`${stack.prometheusUrl}/-/ready`)).toBe(200);
  expect(await httpStatus(`${stack.alertmanagerUrl}/-/ready`)).toBe(200);
  expect(await httpStatus(`${stack.collectorTelemetryUrl}/metrics`)).toBe(200);
}
