import { rm } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { StartupError } from "../../errors.ts";
import { ensureTools } from "../../setup/index.ts";
import { useCleanups } from "../../testing/use-cleanups.ts";
import { expectCleanStop } from "../testing/expect-clean-stop.ts";
import { expectPrometheusRestart } from "../testing/expect-prometheus-restart.ts";
import { expectStackReady } from "../testing/expect-stack-ready.ts";
import { minimalStackSpec } from "../testing/minimal-stack-spec.ts";
import { processesOfRun } from "../testing/processes-of-run.ts";
import type { StartedStack } from "../types.ts";
import { ProcessesDriver } from "./processes-driver.ts";

describe("ProcessesDriver", () => {
  const defer = useCleanups();

  // The provisioned tools and a minimal stack spec in a tmp run folder, removed after the test.
  async function freshSpec(runId: string) {
    const tools = await ensureTools();
    const spec = await minimalStackSpec(tools, runId);
    defer(() => rm(spec.runDir, { recursive: true, force: true }));
    return { tools, spec };
  }

  it("starts the real stack, restarts Prometheus, and stops leaving no process", {
    timeout: 300_000,
  }, async () => {
    const runId = `test-proc-${process.pid}`;
    const { tools, spec } = await freshSpec(runId);

    const started = performance.now();
    const stack: StartedStack = await new ProcessesDriver().withStartupTimeout(60_000).start(spec);
    defer(() => stack.stop());
    console.info(`processes driver: stack ready in ${Math.round(performance.now() - started)} ms`);

    expect(stack.driver).toBe("processes");
    expect(stack.versions).toEqual({
      prometheus: tools.prometheus.version,
      alertmanager: tools.alertmanager.version,
      collector: tools.otelcol.version,
    });
    await expectStackReady(stack);
    expect((await processesOfRun(runId)).length).toBe(3);

    await expectPrometheusRestart(stack);

    const { prometheus, alertmanager, collectorTelemetry } = spec.ports;
    await expectCleanStop(stack, () => processesOfRun(runId), [
      prometheus,
      alertmanager,
      collectorTelemetry,
    ]);
  });

  it("fails with the component, its exit and its last log lines when a config is bad", {
    timeout: 120_000,
  }, async () => {
    const runId = `test-bad-${process.pid}`;
    const { spec } = await freshSpec(runId);
    const { writeFile } = await import("node:fs/promises");
    await writeFile(spec.files.prometheusConfig, "scrape_configs: [ {job_name: 1 ");

    const error = await new ProcessesDriver().start(spec).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupError);
    const startup = error as StartupError;
    expect(startup.component).toBe("prometheus");
    expect(startup.exitCode).toBe(2);
    expect(startup.message).toMatch(
      /^Failed to start prometheus: it exited with code 2 after \d+\.\d s, while waiting for GET http:\/\/127\.0\.0\.1:\d+\/-\/ready answering 200\. Check its config and its log \(.*\/logs\/prometheus\.log\); its last log lines:\n/,
    );
    expect(startup.logTail).toMatch(/Error loading config/);
    // The components that did start were stopped again.
    expect(await processesOfRun(runId)).toEqual([]);
  });
});
