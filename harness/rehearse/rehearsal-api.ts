import type { AlertSeries } from "./alert-series.ts";
import type { Rehearsal } from "./rehearsal.ts";
import type { RehearsalApi } from "./rehearsal-server.ts";
import { renderScenario } from "./render-scenario.ts";
import { saveScenario } from "./save-scenario.ts";

/** A saved scenario's default name: rehearsal-<systems>-<UTC date and time>. */
function defaultName(systems: readonly string[]): string {
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
  return `rehearsal-${systems.join("-")}-${stamp}`;
}

/** Labels that tell one series of a chart from another (job and instance repeat the node). */
function seriesLabel(metric: Readonly<Record<string, string>>): string {
  const shown = Object.entries(metric).filter(
    ([k]) => !["__name__", "job", "instance"].includes(k),
  );
  return shown.length ? shown.map(([k, v]) => `${k}=${v}`).join(" ") : JSON.stringify(metric);
}

/** The page's API on a running rehearsal; `onStop` ends the command (the page's Stop button). */
export function rehearsalApi(
  rehearsal: Rehearsal,
  options: {
    readonly series: readonly AlertSeries[];
    readonly saveDir: string;
    readonly seed: number;
    readonly onStop: () => void;
  },
): RehearsalApi {
  const { stack } = rehearsal;
  const speed = stack.clock.speed;
  const systems = [...stack.fleets.keys()];
  return {
    state: async () => ({
      speed,
      systems,
      nodes: await rehearsal.nodes(),
      recording: rehearsal.recording(),
    }),
    catalogue: async () => ({
      systems,
      faults: rehearsal.catalogue(),
      nodes: await rehearsal.nodes(),
      series: options.series.filter((s) => systems.includes(s.system)),
      links: [
        { label: "Prometheus alerts", url: `${stack.stack.prometheusUrl}/alerts` },
        { label: "Prometheus graph", url: `${stack.stack.prometheusUrl}/graph` },
        { label: "targets", url: `${stack.stack.prometheusUrl}/targets` },
        { label: "/api/v1/alerts", url: `${stack.stack.prometheusUrl}/api/v1/alerts` },
        { label: "Alertmanager", url: `${stack.stack.alertmanagerUrl}/#/alerts` },
        { label: "/api/v2/alerts", url: `${stack.stack.alertmanagerUrl}/api/v2/alerts` },
      ],
    }),
    series: () => options.series,
    chart: async (alert, minutes) => {
      const chosen = options.series.find((s) => s.alert === alert)!;
      // Wall seconds: the stack runs `speed` times faster than the fleet's clock reads.
      const end = Date.now() / 1000;
      const start = Math.max(stack.clock.mapping.wallEpochMs / 1000, end - (minutes * 60) / speed);
      const step = Math.max(15 / speed, (end - start) / 300);
      const result = await stack.prometheus.queryRange(chosen.query, start, end, step);
      const count = Math.floor((end - start) / step) + 1;
      const times = Array.from({ length: count }, (_, i) => start + i * step);
      return {
        ...chosen,
        x: times.map((s) => Math.round(stack.toFleetSeconds(s * 1000) * 10) / 10),
        series: result.slice(0, 12).map((series) => {
          const byIndex = new Map(
            series.values.map(([ts, v]) => [Math.round((ts - start) / step), Number(v)]),
          );
          return {
            label: seriesLabel(series.metric),
            values: times.map((_, i) => byIndex.get(i) ?? null),
          };
        }),
      };
    },
    inject: (fault) => rehearsal.inject(fault),
    heal: (id) => rehearsal.heal(id),
    save: (name) =>
      saveScenario(options.saveDir, name ?? defaultName(systems), (chosen) =>
        renderScenario(rehearsal.recording(), {
          name: chosen,
          fleet: stack.fleet,
          seed: options.seed,
          speed,
        }),
      ),
    stop: options.onStop,
  };
}
