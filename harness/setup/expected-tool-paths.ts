import path from "node:path";
import { collectorManifestHash } from "./collector-manifest-hash.ts";
import { pins } from "./pins.ts";

/** Where setup puts each tool for the current pins and Collector manifest. */
export interface ToolPaths {
  readonly prometheusDir: string;
  readonly alertmanagerDir: string;
  /** .tools/otelcol-<12 hex of the manifest's sha256>; the binary inside is named by dist.name. */
  readonly otelcolDir: string;
  readonly prometheus: string;
  readonly promtool: string;
  readonly alertmanager: string;
  /** The binary as Debian ships it, before relocateAlertmanager(). */
  readonly debianAlertmanager: string;
  readonly amtool: string;
}

/** The paths the current pins and builder manifest give each tool under a tools folder. */
export async function expectedToolPaths(
  dir: string,
  manifest: string = pins.collectorManifest,
): Promise<ToolPaths> {
  const prometheusDir = path.join(dir, `prometheus-${pins.prometheus.debianVersion}`);
  const alertmanagerDir = path.join(dir, `alertmanager-${pins.alertmanager.debianVersion}`);
  return {
    prometheusDir,
    alertmanagerDir,
    otelcolDir: path.join(dir, `otelcol-${await collectorManifestHash(manifest)}`),
    prometheus: path.join(prometheusDir, "usr/bin/prometheus"),
    promtool: path.join(prometheusDir, "usr/bin/promtool"),
    // A copy of Debian's prometheus-alertmanager that finds its templates inside the package.
    alertmanager: path.join(alertmanagerDir, "usr/bin/alertmanager"),
    debianAlertmanager: path.join(alertmanagerDir, "usr/bin/prometheus-alertmanager"),
    amtool: path.join(alertmanagerDir, "usr/bin/amtool"),
  };
}
