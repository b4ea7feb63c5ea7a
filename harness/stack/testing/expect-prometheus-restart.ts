import { expect } from "vitest";
import type { StartedStack } from "../types.ts";
import { httpStatus } from "./http-status.ts";

/**
 * For tests: a started stack restarts Prometheus, which is ready again and whose log shows it
 * ready, the restart marker firedrill writes, and ready again.
 */
export async function expectPrometheusRestart(stack: StartedStack): Promise<void> {
  await stack.restart("prometheus");
  expect(await httpStatus(`${stack.prometheusUrl}/-/ready`)).toBe(200);
  expect(await stack.logTail("prometheus", 400)).toMatch(
    /Server is ready to receive web requests[\s\S]*--- firedrill: [^\n]* starting [\s\S]*Server is ready to receive web requests/,
  );
}
