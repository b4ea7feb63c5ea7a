import type { Registry } from "prom-client";
import type { Exposition } from "./sim-node.ts";

/** What GET /metrics answers for a prom-client registry: its content type and its text now. */
export async function registryExposition(registry: Registry): Promise<Exposition> {
  return { contentType: registry.contentType, body: await registry.metrics() };
}
