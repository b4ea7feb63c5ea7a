import type { Gauge, Registry } from "prom-client";
import { readCatalogue } from "../core/read-catalogue.ts";
import { registryFromCatalogue } from "../core/registry-from-catalogue.ts";

/**
 * The cgn-power gauges cgn-metrics exposes: watts per component of every host. `host` names the
 * measured host (its node id), so that Prometheus' target label `node` (cgn-metrics-0) does not
 * clash with it.
 *
 * @example
 * const metrics = new PowerMetrics();
 * metrics.watts.set({ host: "cgn-agent-0", component: "gpu0" }, 312);
 */
export class PowerMetrics {
  readonly registry: Registry;
  readonly watts: Gauge<"host" | "component">;

  constructor() {
    const metrics = registryFromCatalogue(readCatalogue("cognitora"), {
      include: (m) => m.binary === "cgn-metrics",
    });
    this.registry = metrics.registry;
    this.watts = metrics.gauge("cgn_power_watts");
  }
}
