import { describe, expect, it } from "vitest";
import {
  dockerAvailable,
  firedrill,
  firedrillContainers,
  firedrillProcesses,
  firedrillRun,
  tempReportDir,
} from "./support.ts";

/** Resolves once the run's output contains `text` (the fault timeline is under way). */
function waitForOutput(
  child: ReturnType<typeof firedrill>,
  text: string,
  timeoutMs = 120_000,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(
      () => reject(new Error(`no "${text}" in the output after ${timeoutMs} ms:\n${seen}`)),
      timeoutMs,
    );
    child.all?.on("data", (chunk: Buffer) => {
      seen += chunk.toString("utf8");
      if (seen.includes(text)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

// firedrill cleans up after itself: after Ctrl-C, and, after a kill -9 of the harness, at the
// next start.
describe("cleanup", () => {
  it("Ctrl-C in the middle of a drill stops everything and exits 130", async () => {
    const child = firedrill([
      "run",
      "scenarios/cosmictron/node-crash.scenario.ts",
      "--report-dir",
      tempReportDir("sigint"),
    ]);
    await waitForOutput(child, "inject crash");
    expect(firedrillProcesses(child.pid).length).toBeGreaterThan(0);
    child.kill("SIGINT");
    const result = await child;
    expect(result.exitCode).toBe(130);
    expect(result.all).toContain("interrupted: everything firedrill started has been stopped.");
    expect(firedrillProcesses(child.pid)).toEqual([]);
    expect(firedrillContainers(child.pid)).toEqual([]);
  });

  async function afterKill9(driver: "processes" | "containers"): Promise<void> {
    const child = firedrill([
      "run",
      "scenarios/cosmictron/node-crash.scenario.ts",
      "--driver",
      driver,
      "--report-dir",
      tempReportDir(`sigkill-${driver}`),
    ]);
    await waitForOutput(child, "inject crash");
    child.kill("SIGKILL");
    await child;
    // The sim always runs as processes; the stack as processes or containers.
    expect(
      firedrillProcesses(child.pid)
        .map((p) => p.cmd)
        .join("\n"),
    ).toMatch(/sim\/host\.ts/);
    if (driver === "processes") {
      expect(
        firedrillProcesses(child.pid)
          .map((p) => p.cmd)
          .join("\n"),
      ).toMatch(/prometheus/);
    } else {
      expect(firedrillContainers(child.pid).length).toBe(3);
    }

    const next = await firedrillRun([
      "run",
      "test/integration/scenarios/liveness-short.scenario.ts",
      "--speed",
      "60",
      "--report-dir",
      tempReportDir("after-kill"),
    ]);
    expect(next.all).toMatch(/removed \d+ leftover/);
    expect(next.exitCode).toBe(0);
    expect(firedrillProcesses(child.pid)).toEqual([]);
    expect(firedrillContainers(child.pid)).toEqual([]);
    expect(firedrillProcesses(next.pid)).toEqual([]);
    expect(firedrillContainers(next.pid)).toEqual([]);
  }

  it("after kill -9 of the harness, the next run removes what the dead one left (processes)", () =>
    afterKill9("processes"));
  it.skipIf(!dockerAvailable())(
    "after kill -9 of the harness, the next run removes the dead one's containers (skipped when no Docker engine answers)",
    () => afterKill9("containers"),
  );
});
