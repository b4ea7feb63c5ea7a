import { existsSync } from "node:fs";
import { componentLaunch } from "../component-launch.ts";
import { firedrillEnv } from "../firedrill-env.ts";
import { processStartTime } from "../process-start-time.ts";
import { TimedDriver } from "../timed-driver.ts";
import type {
  ComponentName,
  StackDriver,
  StackSpec,
  StackStartOptions,
  StartedStack,
} from "../types.ts";
import { ContainerComponent } from "./container-component.ts";
import { ensureLocalImage } from "./local-image.ts";
import { prepareTestcontainersEnv } from "./testcontainers-env.ts";

/** The image name of each component (firedrill/<name>:<version>). */
const imageNames: Record<ComponentName, string> = {
  prometheus: "prometheus",
  alertmanager: "alertmanager",
  collector: "otelcol",
};

/**
 * Starts Prometheus, Alertmanager and the Collector as containers (testcontainers) on the host
 * network, from images built locally out of the provisioned binaries (never pulled).
 *
 * @example
 * await using stack = await new ContainersDriver().start(spec, { onProgress });
 */
export class ContainersDriver extends TimedDriver implements StackDriver {
  readonly name = "containers" as const;

  async start(spec: StackSpec, options: StackStartOptions = {}): Promise<StartedStack> {
    prepareTestcontainersEnv();
    const { tools } = spec;
    const binaries: Record<ComponentName, { binary: string; version: string }> = {
      prometheus: { binary: tools.prometheus.path, version: tools.prometheus.version },
      alertmanager: { binary: tools.alertmanager.path, version: tools.alertmanager.version },
      collector: { binary: tools.otelcol.path, version: tools.otelcol.version },
    };
    const started = performance.now();
    let building = false;
    const image = (component: ComponentName) =>
      ensureLocalImage({
        name: imageNames[component],
        ...binaries[component],
        assets: componentLaunch(spec, component).assets.filter((asset) => existsSync(asset.source)),
        onBuilding: () => {
          if (!building) options.onProgress?.({ component: "images", phase: "building" });
          building = true;
        },
      });
    // One after the other: each build streams a binary of up to 100 MB to the engine.
    const images = {
      prometheus: await image("prometheus"),
      alertmanager: await image("alertmanager"),
      collector: await image("collector"),
    };
    if (building) {
      options.onProgress?.({
        component: "images",
        phase: "ready",
        ms: Math.round(performance.now() - started),
      });
    }

    const owner = String(process.pid);
    const ownerStart = processStartTime(process.pid);
    const safeRunId = spec.runId.replace(/[^A-Za-z0-9_.-]/g, "-");
    return this.startComponents(
      spec,
      options,
      (launch, ready, stopTimeoutMs) =>
        new ContainerComponent(
          launch,
          {
            image: images[launch.component].tag,
            entrypoint: images[launch.component].entrypoint,
            name: `firedrill-${safeRunId}-${launch.component}`,
            labels: {
              "firedrill.run": spec.runId,
              "firedrill.owner-pid": owner,
              ...(ownerStart ? { "firedrill.owner-start": ownerStart } : {}),
            },
            env: firedrillEnv(spec.runId),
            runDir: spec.runDir,
          },
          ready,
          stopTimeoutMs,
        ),
    );
  }
}
