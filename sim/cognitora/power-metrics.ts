import { Gauge, Registry } from "prom-client";

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
  readonly registry = new Registry();
  readonly watts: Gauge<"host" | "component">;

  constructor() {
    this.watts = new Gauge({
      name: "cgn_power_watts",
      help: "Power draw in watts, by host and component",
      labelNames: ["host", "component"],
      registers: [this.registry],
    });
  }
}
