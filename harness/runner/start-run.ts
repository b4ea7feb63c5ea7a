import path from "node:path";
import { ScaledClock } from "../../sim/core/clock.ts";
import { writeStackConfigs } from "../config/index.ts";
import { ScrapeProxies } from "../faults/scrape-proxies.ts";
import { OtlpSink } from "../observe/otlp-sink.ts";
import { PrometheusClient } from "../observe/prometheus-client.ts";
import { WebhookSink } from "../observe/webhook-sink.ts";
import type { StartedStack } from "../stack/index.ts";
import { firedrillEnv } from "../stack/index.ts";
import { EVALUATION_INTERVAL, SCRAPE_INTERVAL } from "./intervals.ts";
import type { RunPlan } from "./plan-run.ts";
import { RunAborted } from "./run-aborted.ts";
import type { RunStackOptions } from "./run-stack-options.ts";
import { SimFleet } from "./sim-fleet.ts";
import type { Teardown } from "./teardown.ts";
import { waitForTargets } from "./wait-for-targets.ts";

/** Everything a started run has up: sinks, proxies, configs, the fleet and the stack. */
export interface StartedRun {
  readonly webhook: WebhookSink;
  readonly otlp: OtlpSink;
  readonly proxies: ScrapeProxies | undefined;
  readonly configs: Awaited<ReturnType<typeof writeStackConfigs>>;
  readonly clock: ScaledClock;
  readonly fleets: ReadonlyMap<string, SimFleet>;
  readonly stack: StartedStack;
  readonly prometheus: PrometheusClient;
}

/** What the start stage needs besides the plan. */
export interface StartRunOptions extends RunStackOptions {
  /** Says what starts (the reporter's phases, or a rehearsal's log lines). */
  readonly phase: (text: string) => unknown;
  /** The stack's run id (a suite's scenario: the run's id and the scenario's name). */
  readonly stackRunId: string;
  /** The workload seed, resolved: `--seed`, else the scenario's, else 42. */
  readonly seed: number;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new RunAborted("The run was interrupted.");
}

/**
 * The start stage of a run: the receivers' sinks, the proxies, the rendered and checked configs,
 * the fleet, then the stack, up to the first scrape of every target. Each part is handed to
 * `teardown` as soon as it runs, so whatever fails later, what started is stopped.
 */
export async function startRun(
  plan: RunPlan,
  dir: string,
  options: StartRunOptions,
  teardown: Teardown,
): Promise<StartedRun> {
  const { speed, tools, signal, phase } = options;
  const { stackPorts, takePort } = plan;
  const webhook = await WebhookSink.start();
  teardown.defer("the webhook sink", () => webhook.close());
  const otlp = await OtlpSink.start();
  teardown.defer("the trace sink", () => otlp.close());
  const proxies = plan.proxied
    ? await ScrapeProxies.start(
        plan.fleet.flatMap((p) => p.nodes),
        takePort,
      )
    : undefined;
  if (proxies) teardown.defer("the scrape proxies", () => proxies.close());
  const nodeOfAddress = new Map(
    plan.fleet.flatMap((p) => p.nodes.map((n): [string, string] => [`127.0.0.1:${n.port}`, n.id])),
  );
  const fleetJobs = plan.fleet.flatMap((p) =>
    p.scrapeJobs.map((job) => ({
      ...job,
      targets: job.targets.map((t) => {
        const node = nodeOfAddress.get(t.address);
        return { ...t, address: (node && proxies?.addressFor(node)) ?? t.address };
      }),
    })),
  );
  const configs = await writeStackConfigs({
    runDir: dir,
    speed,
    ruleFiles: options.ruleFiles,
    alertmanagerConfig: options.alertmanagerConfig,
    ports: stackPorts,
    jobs: fleetJobs.map((j) => ({
      job: j.job,
      targets: j.targets,
      ...(j.metricsPath ? { metricsPath: j.metricsPath } : {}),
      ...(j.honorLabels ? { honorLabels: true } : {}),
    })),
    webhookOrigin: webhook.origin,
    traceSinkUrl: otlp.url,
    scrapeInterval: SCRAPE_INTERVAL,
    evaluationInterval: EVALUATION_INTERVAL,
    check: { promtool: tools.promtool.path, amtool: tools.amtool.path },
  });
  // Rules that read wall-clock time cannot be sped up: the rest drills, these are named.
  for (const message of configs.speedOneRules) phase(`left out: ${message}`);
  throwIfAborted(signal);

  // The fleet listens before Prometheus starts, so that no target is ever scraped down before
  // t=0: a slow fleet start would otherwise page `up == 0` alerts before the drill begins.
  const clock = ScaledClock.startingNow(speed);
  const fleets = new Map<string, SimFleet>();
  for (const planned of plan.fleet) {
    await phase(`starting the fleet: ${planned.nodes.length} ${planned.system} node(s)`);
    const fleet = await SimFleet.start(
      {
        system: planned.system,
        seed: options.seed,
        time: clock.mapping,
        nodes: planned.nodes,
        controlPort: takePort(),
        otlpEndpoint: `http://127.0.0.1:${stackPorts.collectorOtlpHttp}`,
        logFile: path.join(dir, "logs", `sim-${planned.system}.log`),
      },
      {
        runDir: dir,
        env: { ...process.env, ...firedrillEnv(options.runId) } as Record<string, string>,
      },
    );
    teardown.defer(`the ${planned.system} sim host`, () => fleet.stop());
    fleets.set(planned.system, fleet);
    throwIfAborted(signal);
  }

  await phase(`starting the stack (${options.driver.name})`);
  const stack = await options.driver.start(
    {
      runDir: dir,
      runId: options.stackRunId,
      ports: stackPorts,
      files: configs.files,
      extraArgs: configs.extraArgs,
      tools,
    },
    { ...(signal ? { signal } : {}) },
  );
  teardown.defer("the stack", () => stack.stop());
  throwIfAborted(signal);

  await phase("waiting for the first scrape of every target");
  const prometheus = new PrometheusClient(stack.prometheusUrl);
  await waitForTargets(prometheus, fleetJobs, { timeoutMs: 30_000, signal });
  return { webhook, otlp, proxies, configs, clock, fleets, stack, prometheus };
}
