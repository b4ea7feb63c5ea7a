import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../harness/tools/tools.ts";
import { firedrillProcesses, firedrillRun, tempReportDir } from "./support.ts";

// Bad input ends with a clear message, exit code 2, and nothing left running.
mkdirSync(path.join(repoRoot, ".firedrill"), { recursive: true });
const dir = mkdtempSync(path.join(repoRoot, ".firedrill", "errors-test-"));
const servers: Server[] = [];
afterAll(() => {
  for (const s of servers) s.close();
});

describe("bad input", () => {
  it("a malformed scenario file: exit 2 naming the file and the place", async () => {
    const file = path.join(dir, "broken.scenario.ts");
    writeFileSync(
      file,
      `import { defineScenario, expectNoOtherAlerts } from "firedrill";
export default defineScenario({
  name: "broken",
  fleet: { cosmictron: { nodes: 1 } },
  duration: "5m",
  faults: [{ id: "x", at: "1m", fault: { name: "cosmictron.node.crash", target: 3 } }],
  expect: [expectNoOtherAlerts()],
});
`,
    );
    const result = await firedrillRun(["run", file, "--report-dir", tempReportDir("broken")]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(
      `${path.relative(repoRoot, file)}:6:73 - Type 'number' is not assignable to type 'string'.`,
    );
    expect(firedrillProcesses(result.pid)).toEqual([]);
  });

  it("an out-of-range fault param: exit 2 naming the fault and the range, before anything starts", async () => {
    const file = path.join(dir, "bad-fault.scenario.ts");
    writeFileSync(
      file,
      `import { cosmictron, defineScenario, expectNoOtherAlerts } from "firedrill";
export default defineScenario({
  name: "bad-fault",
  fleet: { cosmictron: { nodes: 1 } },
  duration: "5m",
  faults: [
    { id: "stall", at: "1m", fault: cosmictron.walFsyncStall({ latencySeconds: 600 }) },
  ],
  expect: [expectNoOtherAlerts()],
});
`,
    );
    const result = await firedrillRun(["run", file, "--report-dir", tempReportDir("badfault")]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr.trim().split("\n").at(-1)).toBe(
      `firedrill: Invalid scenario file: ${file}: faults[0].fault.params.latencySeconds must be a number from 0.001 to 60 (got 600).`,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(firedrillProcesses(result.pid)).toEqual([]);
  });

  it("a rule file Prometheus rejects: exit 2 with promtool's reason and the file", async () => {
    const rules = path.join(dir, "bad-rules.yml");
    writeFileSync(
      rules,
      `groups:
  - name: broken
    rules:
      - alert: Broken
        expr: rate(cosmictron_reducer_calls_total[5m] > 0.05
`,
    );
    const result = await firedrillRun([
      "run",
      "scenarios/cosmictron/node-crash.scenario.ts",
      "--rules",
      rules,
      "--report-dir",
      tempReportDir("badrules"),
    ]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(rules);
    expect(result.stderr).toMatch(/parse error|unclosed|unexpected/i);
    expect(firedrillProcesses(result.pid)).toEqual([]);
  });

  it("an unknown --scenario name: exit 2 listing the known names", async () => {
    const result = await firedrillRun([
      "run",
      "test/integration/scenarios/",
      "--scenario",
      "no-such-drill",
    ]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(
      'Unknown scenario "no-such-drill". Known scenarios: liveness-short, telemetry.',
    );
  });

  it("a busy port: exit 2 naming the port, nothing left running", async () => {
    const server = createServer();
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as { port: number }).port;
    const result = await firedrillRun([
      "run",
      "scenarios/cosmictron/node-crash.scenario.ts",
      "--prometheus-port",
      String(port),
      "--report-dir",
      tempReportDir("busy"),
    ]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(
      `Failed to use port ${port} on 127.0.0.1 for prometheus: another process listens on it. Find it with \`ss -ltnp 'sport = :${port}'\` and stop it, or let firedrill choose free ports.`,
    );
    expect(firedrillProcesses(result.pid)).toEqual([]);
  });

  it("an unknown flag: exit 2 with the usage", async () => {
    const result = await firedrillRun(["run", "scenarios/", "--sped", "30"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("Usage:");
    expect(result.stderr.trimEnd().split("\n").at(-1)).toBe(
      "firedrill run: unknown option '--sped'. The usage above lists every command's options; a value that starts with '-' goes after '--'.",
    );
  });
});
