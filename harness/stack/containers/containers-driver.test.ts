import { rm } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { ensureTools } from "../../setup/index.ts";
import { checkPortFree } from "../check-port-free.ts";
import { dockerApi } from "../docker-api.ts";
import { dockerEngineAnswers } from "../docker-engine-answers.ts";
import { minimalStackSpec } from "../testing/minimal-stack-spec.ts";
import type { StackProgress, StartedStack } from "../types.ts";
import { ContainersDriver } from "./containers-driver.ts";

const engine = await dockerEngineAnswers();

/** GET url's status. */
async function status(url: string): Promise<number> {
  const response = await fetch(url);
  await response.body?.cancel();
  return response.status;
}

/** Containers (running or not) labelled with this run. */
async function containersOfRun(runId: string): Promise<string[]> {
  const filters = encodeURIComponent(JSON.stringify({ label: [`firedrill.run=${runId}`] }));
  const { body } = await dockerApi("GET", `/containers/json?all=1&filters=${filters}`);
  return (body as { Names: string[] }[]).map((c) => c.Names[0] ?? "");
}

describe("ContainersDriver", () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it.skipIf(!engine)(
    `starts the real stack as containers, restarts Prometheus, and stops leaving no container${engine ? "" : " (skipped: no Docker engine answers; start one with scripts/docker-engine.sh)"}`,
    { timeout: 600_000 },
    async () => {
      const tools = await ensureTools();
      const timings: string[] = [];
      for (const round of ["first", "warm"]) {
        const runId = `test-ctr-${process.pid}-${round}`;
        const spec = await minimalStackSpec(tools, runId);
        cleanups.push(() => rm(spec.runDir, { recursive: true, force: true }));
        const events: StackProgress[] = [];
        const started = performance.now();
        const stack: StartedStack = await new ContainersDriver()
          .withStartupTimeout(60_000)
          .start(spec, { onProgress: (event) => events.push(event) });
        cleanups.push(() => stack.stop());
        const build = events.find((e) => e.component === "images" && e.phase === "ready");
        timings.push(
          `${round} start: ${Math.round(performance.now() - started)} ms${build ? ` (of which image builds ${build.ms} ms)` : ""}`,
        );

        expect(stack.driver).toBe("containers");
        expect(stack.versions.prometheus).toBe(tools.prometheus.version);
        expect(await status(`${stack.prometheusUrl}/-/ready`)).toBe(200);
        expect(await status(`${stack.alertmanagerUrl}/-/ready`)).toBe(200);
        expect(await status(`${stack.collectorTelemetryUrl}/metrics`)).toBe(200);
        expect((await containersOfRun(runId)).sort()).toEqual([
          `/firedrill-${runId}-alertmanager`,
          `/firedrill-${runId}-collector`,
          `/firedrill-${runId}-prometheus`,
        ]);

        await stack.restart("prometheus");
        expect(await status(`${stack.prometheusUrl}/-/ready`)).toBe(200);
        expect(await stack.logTail("prometheus", 400)).toMatch(
          /Server is ready to receive web requests[\s\S]*--- firedrill: [^\n]* starting [\s\S]*Server is ready to receive web requests/,
        );

        await stack.stop();
        await stack.stop();
        expect(await containersOfRun(runId)).toEqual([]);
        await checkPortFree(spec.ports.prometheus);
        await checkPortFree(spec.ports.alertmanager);
      }
      console.info(`containers driver: ${timings.join("; ")}`);
    },
  );
});
