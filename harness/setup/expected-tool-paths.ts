import path from "node:path";
import { collectorManifestHash } from "./collector-manifest-hash.ts";
import { pins } from "./pins.ts";

/** Where setup puts each tool for the current pins and Collector manifest. */
export interface ToolPaths {
  /** .tools/prometheus-<version>: prometheus and promtool. */
  readonly prometheusDir: string;
  /** .tools/alertmanager-<version>: alertmanager and amtool. */
  readonly alertmanagerDir: string;
  /** .tools/otelcol-<12 hex of the manifest's sha256>; the binary inside is named by dist.name. */
  readonly otelcolDir: string;
  /** .tools/build: firedrill's go.mod per build (and Alertmanager's patched source). */
  readonly buildDir: string;
  readonly prometheus: string;
  readonly promtool: string;
  readonly alertmanager: string;
  readonly amtool: string;
}

/** The paths the current pins and builder manifest give each tool under a tools folder. */
export async function expectedToolPaths(
  dir: string,
  manifest: string = pins.collectorManifest,
  prometheusVersion: string = pins.prometheus.default,
): Promise<ToolPaths> {
  const prometheusDir = path.join(dir, `prometheus-${prometheusVersion}`);
  const alertmanagerDir = path.join(dir, `alertmanager-${pins.alertmanager.version}`);
  return {
    prometheusDir,
    alertmanagerDir,
    otelcolDir: path.join(dir, `otelcol-${await collectorManifestHash(manifest)}`),
    buildDir: path.join(dir, "build"),
    prometheus: path.join(prometheusDir, "prometheus"),
    promtool: path.join(prometheusDir, "promtool"),
    alertmanager: path.join(alertmanagerDir, "alertmanager"),
    amtool: path.join(alertmanagerDir, "amtool"),
  };
}
