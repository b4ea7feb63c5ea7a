import path from "node:path";
import { repoRoot } from "../tools/tools.ts";

/** One pinned Prometheus release line: its Go module version and the build tags it takes. */
export interface PrometheusPin {
  /** The Go module version of github.com/prometheus/prometheus (3.16.0 is v0.316.0). */
  readonly module: string;
  /** Build tags: `remove_all_sd` (3.10+) leaves out every service discovery but file SD. */
  readonly tags: readonly string[];
}

/**
 * The pinned versions firedrill provisions, in one place. Prometheus and Alertmanager are built
 * from their Go modules at exactly these versions (other code, e.g. a Go evaluator, compares its
 * go.mod to them); the Collector is built from the builder manifest in fixtures/, whose hash
 * names its cache folder.
 */
export const pins = {
  prometheus: {
    modulePath: "github.com/prometheus/prometheus",
    /** The line drills run on unless --prometheus-version names another. */
    default: "3.16.0",
    versions: {
      "3.16.0": { module: "v0.316.0", tags: ["remove_all_sd", "netgo"] },
      // The long-term-support line; 3.5 has no remove_all_sd tag yet.
      "3.5.1": { module: "v0.305.1", tags: ["netgo"] },
    } as Readonly<Record<string, PrometheusPin>>,
  },
  alertmanager: {
    modulePath: "github.com/prometheus/alertmanager",
    version: "0.35.0",
    module: "v0.35.0",
  },
  builder: { module: "go.opentelemetry.io/collector/cmd/builder", version: "v0.155.0" },
  collectorManifest: path.join(repoRoot, "fixtures/otelcol/builder-config.yaml"),
} as const;
