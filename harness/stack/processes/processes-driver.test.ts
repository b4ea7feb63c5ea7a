import { rm } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { StartupError } from "../../errors.ts";
import { ensureTools } from "../../setup/index.ts";
import { checkPortFree } from "../check-port-free.ts";
import { minimalStackSpec } from "../testing/minimal-stack-spec.ts";
import { processesOfRun } from "../testing/processes-of-run.ts";
import type { StartedStack } from "../types.ts";
import { ProcessesDriver } from "./processes-driver.ts";

/** GET url's status. */
async function status(url: string): Promise<number> {
  const response = await fetch(url);
  await response.body?.cancel();
  return response.status;
}

describe("ProcessesDriver", () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("starts the real stack, restarts Prometheus, and stops leaving no process", {
    timeout: 300_000,
  }, async () => {
    const tools = await ensureTools();
    const runId = `test-proc-${process.pid}`;
    const spec = await minimalStackSpec(tools, runId);
    cleanups.push(() => rm(spec.runDir, { recursive: true, force: true }));

    const started = performance.now();
    const stack: StartedStack = await new ProcessesDriver().withStartupTimeout(60_000).start(spec);
    cleanups.push(() => stack.stop());
    console.info(`processes driver: stack ready in ${Math.round(performance.now() - started)} ms`);

    expect(stack.driver).toBe("processes");
    expect(stack.versions).toEqual({
      prometheus: tools.prometheus.version,
      alertmanager: tools.alertmanager.version,
      collector: tools.otelcol.version,
    });
    expect(await status(`${stack.prometheusUrl}/-/ready`)).toBe(200);
    expect(await status(`${stack.alertmanagerUrl}/-/ready`)).toBe(200);
    expect(await status(`${stack.collectorTelemetryUrl}/metrics`)).toBe(200);
    expect((await processesOfRun(runId)).length).toBe(3);

    await stack.restart("prometheus");
    expect(await status(`${stack.prometheusUrl}/-/ready`)).toBe(200);
    expect(await stack.logTail("prometheus", 400)).toMatch(
      /Server is ready to receive web requests[\s\S]*--- firedrill: [^\n]* starting [\s\S]*Server is ready to receive web requests/,
    );

    await stack.stop();
    await stack.stop();
    expect(await processesOfRun(runId)).toEqual([]);
    await checkPortFree(spec.ports.prometheus);
    await checkPortFree(spec.ports.alertmanager);
    await checkPortFree(spec.ports.collectorTelemetry);
  });

  it("fails with the component, its exit and its last log lines when a config is bad", {
    timeout: 120_000,
  }, async () => {
    const tools = await ensureTools();
    const runId = `test-bad-${process.pid}`;
    const spec = await minimalStackSpec(tools, runId);
    cleanups.push(() => rm(spec.runDir, { recursive: true, force: true }));
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
