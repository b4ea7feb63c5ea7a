import { rm } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { ensureTools } from "../../setup/index.ts";
import { useCleanups } from "../../testing/use-cleanups.ts";
import { dockerApi } from "../docker-api.ts";
import { dockerEngineAnswers } from "../docker-engine-answers.ts";
import { expectCleanStop } from "../testing/expect-clean-stop.ts";
import { expectPrometheusRestart } from "../testing/expect-prometheus-restart.ts";
import { expectStackReady } from "../testing/expect-stack-ready.ts";
import { minimalStackSpec } from "../testing/minimal-stack-spec.ts";
import type { StackProgress, StartedStack } from "../types.ts";
import { ContainersDriver } from "./containers-driver.ts";

const engine = await dockerEngineAnswers();

/** Containers (running or not) labelled with this run. */
async function containersOfRun(runId: string): Promise<string[]> {
  const filters = encodeURIComponent(JSON.stringify({ label: [`firedrill.run=${runId}`] }));
  const { body } = await dockerApi("GET", `/containers/json?all=1&filters=${filters}`);
  return (body as { Names: string[] }[]).map((c) => c.Names[0] ?? "");
}

describe("ContainersDriver", () => {
  const defer = useCleanups();

  it.skipIf(!engine)(
    `starts the real stack as containers, restarts Prometheus, and stops leaving no container${engine ? "" : " (skipped: no Docker engine answers; start one with scripts/docker-engine.sh)"}`,
    { timeout: 600_000 },
    async () => {
      const tools = await ensureTools();
      const timings: string[] = [];
      for (const round of ["first", "warm"]) {
        const runId = `test-ctr-${process.pid}-${round}`;
        const spec = await minimalStackSpec(tools, runId);
        defer(() => rm(spec.runDir, { recursive: true, force: true }));
        const events: StackProgress[] = [];
        const started = performance.now();
        const stack: StartedStack = await new ContainersDriver()
          .withStartupTimeout(60_000)
          .start(spec, { onProgress: (event) => events.push(event) });
        defer(() => stack.stop());
        const build = events.find((e) => e.component === "images" && e.phase === "ready");
        timings.push(
          `${round} start: ${Math.round(performance.now() - started)} ms${build ? ` (of which image builds ${build.ms} ms)` : ""}`,
        );

        expect(stack.driver).toBe("containers");
        expect(stack.versions.prometheus).toBe(tools.prometheus.version);
        await expectStackReady(stack);
        expect((await containersOfRun(runId)).sort()).toEqual([
          `/firedrill-${runId}-alertmanager`,
          `/firedrill-${runId}-collector`,
          `/firedrill-${runId}-prometheus`,
        ]);

        await expectPrometheusRestart(stack);

        const { prometheus, alertmanager } = spec.ports;
        await expectCleanStop(stack, () => containersOfRun(runId), [prometheus, alertmanager]);
      }
      console.info(`containers driver: ${timings.join("; ")}`);
    },
  );
});
