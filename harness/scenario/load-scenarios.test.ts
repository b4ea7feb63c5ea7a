import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDir } from "../testing/use-temp-dir.ts";
import { repoRoot } from "../tools/tools.ts";
import { loadScenarios } from "./load-scenarios.ts";

// Scenario files import "firedrill", which resolves inside this package only: write them here.
const dir = useTempDir("scenarios-test-", { under: path.join(repoRoot, ".firedrill") });

const header =
  'import { cosmictron, defineScenario, expectAlert, expectNoOtherAlerts } from "firedrill";\n';
async function scenarioFile(name: string, body: string): Promise<string> {
  const file = path.join(dir(), `${name}.scenario.ts`);
  await writeFile(file, header + body);
  return file;
}
const valid = (name: string) => `export default defineScenario({
  name: "${name}",
  fleet: { cosmictron: { nodes: 2 } },
  duration: "10m",
  faults: [{ id: "crash", at: "1m", heal: "3m", fault: cosmictron.nodeCrash({ node: "cosmictron-1" }) }],
  expect: [
    expectAlert("CosmictronNoLiveness").firesWithin("2m", { after: "crash" }).resolvesWithin("1m"),
    expectNoOtherAlerts(),
  ],
});
`;

async function messageOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as Error).message.replaceAll(dir(), "<dir>");
  }
  throw new Error("expected loadScenarios to fail");
}

describe("loadScenarios", () => {
  it("records the file and line of each defineScenario call", async () => {
    const file = await scenarioFile("located", `\n\n${valid("located")}`);
    const [loaded] = await loadScenarios([file]);
    expect(loaded?.location).toEqual({ file, line: 4 });
  });

  it("loads a valid file into a normalised scenario", async () => {
    const file = await scenarioFile("ok", valid("crash-ok"));
    const [loaded] = await loadScenarios([file]);
    expect(loaded?.scenario.expect).toEqual([
      {
        kind: "fires",
        alert: "CosmictronNoLiveness",
        labels: {},
        after: "crash",
        within: "2m",
        resolvesWithin: "1m",
      },
      { kind: "no-other-alerts" },
    ]);
  });

  it("reports a type error with its file, line and column", async () => {
    const file = await scenarioFile("typo", valid("typo").replace("nodes: 2", 'nodes: "2"'));
    const message = await messageOf(loadScenarios([file]));
    expect(message).toBe(
      `Invalid scenario file: type errors:\n  ${path.relative(process.cwd(), file)}:4:26 - Type 'string' is not assignable to type 'number'.`,
    );
  });

  it.each([
    {
      title: "rejects a heal before its injection, naming the field",
      name: "order",
      from: 'heal: "3m"',
      to: 'heal: "30s"',
      message:
        "Invalid scenario file: <dir>/order.scenario.ts: faults[0].heal (30s) must come after at (1m).",
    },
    {
      title: "rejects a fault on a node the fleet does not have",
      name: "node",
      from: '"cosmictron-1"',
      to: '"cosmictron-7"',
      message:
        'Invalid scenario file: <dir>/node.scenario.ts: faults[0].fault.target "cosmictron-7" is not a node of this fleet (nodes: cosmictron-0, cosmictron-1).',
    },
    {
      title: "rejects a duration it cannot read",
      name: "dur",
      from: 'duration: "10m"',
      to: 'duration: "10 minutes"',
      message:
        'Invalid scenario file: <dir>/dur.scenario.ts: duration is not a duration: "10 minutes". Write e.g. "30s", "5m" or "1h30m".',
    },
  ])("$title", async ({ name, from, to, message }) => {
    const file = await scenarioFile(name, valid(name).replace(from, to));
    expect(await messageOf(loadScenarios([file]))).toBe(message);
  });

  it("names the known scenarios when --scenario names an unknown one", async () => {
    const a = await scenarioFile("a", valid("alpha"));
    const b = await scenarioFile("b", valid("beta"));
    expect(await messageOf(loadScenarios([a, b], { only: "gamma" }))).toBe(
      'Unknown scenario "gamma". Known scenarios: alpha, beta.',
    );
    expect((await loadScenarios([a, b], { only: "beta" })).map((l) => l.scenario.name)).toEqual([
      "beta",
    ]);
  });

  it("rejects a file without a default export", async () => {
    const file = await scenarioFile("nodefault", "export const x = 1;\n");
    expect(await messageOf(loadScenarios([file]))).toBe(
      "Invalid scenario file: <dir>/nodefault.scenario.ts: it has no default export. Did you forget `export default defineScenario({...})`?",
    );
  });

  it("rejects a path that does not exist", async () => {
    expect(await messageOf(loadScenarios(["no/such/folder"]))).toBe(
      "Failed to read scenarios: no/such/folder does not exist. Pass scenario files (*.scenario.ts) or folders holding them.",
    );
  });

  it("rejects a fleet shape below a system's minimum, naming the field", async () => {
    const file = await scenarioFile("shape", valid("shape").replace("nodes: 2", "nodes: 0"));
    expect(await messageOf(loadScenarios([file]))).toBe(
      "Invalid scenario file: <dir>/shape.scenario.ts: fleet cosmictron.nodes must be a whole number of at least 1 (got 0).",
    );
  });
});
