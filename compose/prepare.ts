/**
 * Prepares what compose/compose.yaml needs: the stack's configs for a 1x fleet on fixed ports
 * (in compose/generated/, paths as the containers see them: /firedrill/…), the sim hosts'
 * configs, and, unless official images are chosen, the local FROM-scratch images built from the
 * provisioned binaries (as `--driver containers` builds them) plus one holding this Node.
 *
 *   node --import tsx compose/prepare.ts [--systems cosmictron,reactor] [--official]
 */
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { writeStackConfigs } from "../harness/config/index.ts";
import { defaultFleet } from "../harness/rehearse/rehearsal-stack.ts";
import { planFleet } from "../harness/runner/plan-fleet.ts";
import { EVALUATION_INTERVAL, SCRAPE_INTERVAL } from "../harness/runner/run-scenario.ts";
import { defaultFixtures } from "../harness/runner/run-suite.ts";
import { ensureTools, printSetupProgress } from "../harness/setup/index.ts";
import {
  componentLaunch,
  ensureLocalImage,
  prepareTestcontainersEnv,
} from "../harness/stack/index.ts";
import { topologyRegistry } from "../sim/index.ts";

/** The fixed loopback ports of the compose stack (the services use the host network). */
export const COMPOSE_PORTS = {
  prometheus: 9090,
  alertmanager: 9093,
  alertmanagerCluster: 9094,
  collectorOtlpGrpc: 4317,
  collectorOtlpHttp: 4318,
  collectorPrometheus: 8889,
  collectorTelemetry: 8888,
  receivers: 9095,
  traces: 9096,
  /** Sim hosts: control API at 9200 + 100·i, nodes from 9201 + 100·i. */
  sim: 9200,
} as const;

const here = path.dirname(new URL(import.meta.url).pathname);
const generated = path.join(here, "generated");
const inContainer = "/firedrill";

const { values } = parseArgs({
  options: {
    systems: { type: "string", default: "cosmictron" },
    official: { type: "boolean", default: false },
  },
});
const systems = values.systems.split(",").map((s) => s.trim());
const unknown = systems.filter((s) => !topologyRegistry.has(s));
if (unknown.length > 0) {
  process.stderr.write(
    `compose/prepare.ts: unknown system(s) ${unknown.join(", ")}. Known: ${[...topologyRegistry.keys()].join(", ")}.\n`,
  );
  process.exit(2);
}

const tools = await ensureTools({ onProgress: printSetupProgress() });
await rm(generated, { recursive: true, force: true });
const fleet = defaultFleet(systems);
// Each system in its own block of ports: its host's control API at 9200 + 100·i, nodes after it.
const plan = systems.flatMap((system, index) => {
  let port = COMPOSE_PORTS.sim + 100 * index;
  return planFleet({ [system]: fleet[system as keyof typeof fleet] }, () => ++port);
});
const fixtures = await defaultFixtures();
const configs = await writeStackConfigs({
  runDir: generated,
  speed: 1,
  ruleFiles: fixtures.ruleFiles,
  alertmanagerConfig: fixtures.alertmanagerConfig,
  ports: COMPOSE_PORTS,
  jobs: plan.flatMap((p) => p.scrapeJobs),
  webhookOrigin: `http://127.0.0.1:${COMPOSE_PORTS.receivers}`,
  traceSinkUrl: `http://127.0.0.1:${COMPOSE_PORTS.traces}`,
  scrapeInterval: SCRAPE_INTERVAL,
  evaluationInterval: EVALUATION_INTERVAL,
  check: { promtool: tools.promtool.path, amtool: tools.amtool.path },
});
// The containers mount compose/generated at /firedrill: point the configs there.
for (const file of Object.values(configs.files)) {
  const text = await readFile(file, "utf8");
  await writeFile(file, text.replaceAll(generated, inContainer));
}
for (const [index, planned] of plan.entries()) {
  await writeFile(
    path.join(generated, `sim-${planned.system}.json`),
    `${JSON.stringify(
      {
        system: planned.system,
        seed: 42,
        // At 1x any epoch gives real time: fleet time is wall time.
        time: { wallEpochMs: 0, fleetEpochMs: 0, speed: 1 },
        nodes: planned.nodes.map((n) => ({ id: n.id, port: n.port })),
        controlPort: COMPOSE_PORTS.sim + 100 * index,
        otlpEndpoint: `http://127.0.0.1:${COMPOSE_PORTS.collectorOtlpHttp}`,
      },
      null,
      2,
    )}\n`,
  );
}

let env: string;
if (values.official) {
  // Debian's versions carry a suffix (2.42.0+ds); the official tags do not.
  const upstream = (version: string) => version.replace(/[+~].*$/, "");
  env = [
    `PROMETHEUS_IMAGE=prom/prometheus:v${upstream(tools.prometheus.version)}`,
    `ALERTMANAGER_IMAGE=prom/alertmanager:v${upstream(tools.alertmanager.version)}`,
    `COLLECTOR_IMAGE=otel/opentelemetry-collector-contrib:${upstream(tools.otelcol.version)}`,
    `NODE_IMAGE=node:${process.versions.node}-slim`,
  ].join("\n");
} else {
  prepareTestcontainersEnv();
  const spec = {
    runDir: generated,
    runId: "compose",
    ports: COMPOSE_PORTS,
    files: configs.files,
    extraArgs: configs.extraArgs,
    tools,
  };
  const image = async (
    name: string,
    binary: string,
    version: string,
    assets: readonly { source: string; target: string }[] = [],
  ) => {
    process.stderr.write(`image firedrill/${name}:${version}…\n`);
    return (await ensureLocalImage({ name, binary, version, assets })).tag;
  };
  env = [
    `PROMETHEUS_IMAGE=${await image("prometheus", tools.prometheus.path, tools.prometheus.version)}`,
    `ALERTMANAGER_IMAGE=${await image(
      "alertmanager",
      tools.alertmanager.path,
      tools.alertmanager.version,
      componentLaunch(spec, "alertmanager").assets,
    )}`,
    `COLLECTOR_IMAGE=${await image("otelcol", tools.otelcol.path, tools.otelcol.version)}`,
    `NODE_IMAGE=${await image("node", process.execPath, process.versions.node)}`,
  ].join("\n");
}
await writeFile(
  path.join(here, ".env"),
  `# Written by compose/prepare.ts${values.official ? " --official" : ""}.\n${env}\nSIM_SYSTEMS=${systems.join(",")}\n`,
);
process.stderr.write(
  `compose: configs in ${generated}, images in ${path.join(here, ".env")}. Now: docker-compose -f compose/compose.yaml up\n`,
);
