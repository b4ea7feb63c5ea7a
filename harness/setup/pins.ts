import path from "node:path";
import { repoRoot } from "../tools/tools.ts";

/**
 * The pinned versions firedrill provisions. Debian's packages give Prometheus and Alertmanager
 * without a download from anywhere but the Debian mirror; the Collector is built from the
 * builder manifest in fixtures/, whose hash names its cache folder.
 */
export const pins = {
  prometheus: { debianPackage: "prometheus", debianVersion: "2.42.0+ds-5+deb12u1" },
  alertmanager: { debianPackage: "prometheus-alertmanager", debianVersion: "0.25.0-1+b4" },
  builder: { module: "go.opentelemetry.io/collector/cmd/builder", version: "v0.155.0" },
  collectorManifest: path.join(repoRoot, "fixtures/otelcol/builder-config.yaml"),
} as const;
