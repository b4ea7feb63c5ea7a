import { readFile } from "node:fs/promises";
import path from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { loadScenarios } from "../scenario/load-scenarios.ts";
import { useTempDir } from "../testing/use-temp-dir.ts";
import { repoRoot } from "../tools/tools.ts";
import type { Recording } from "./recorder.ts";
import { renderScenario } from "./render-scenario.ts";
import { saveScenario } from "./save-scenario.ts";

// Saved scenarios import "firedrill", which resolves inside this package only: write them here.
const dir = useTempDir("rehearse-test-", { under: path.join(repoRoot, ".firedrill") });

const labels = {
  alertname: "CosmictronNoLiveness",
  instance: "127.0.0.1:10971",
  job: "cosmictron",
  node: "cosmictron-2",
  severity: "critical",
  system: "cosmictron",
};
const groupKey =
  '{}/{severity=~"critical|page"}:{alertname="CosmictronNoLiveness", node="cosmictron-2"}';

// What a rehearsal of a node crash records (the figures of a real one at 30x).
const crash: Recording = {
  now: 820.4,
  faults: [
    {
      id: "node-crash-1",
      fault: { name: "cosmictron.node.crash", target: "cosmictron-2" },
      injectedAt: 394.74,
      healedAt: 698.2,
    },
  ],
  alerts: [
    {
      alertname: "CosmictronNoLiveness",
      labels,
      state: "resolved",
      pendingAt: 412.92,
      firingAt: 473.73,
      endedAt: 715.47,
    },
  ],
  deliveries: [
    { receiver: "pager", status: "firing", labels, groupKey, receivedAt: 503.22 },
    { receiver: "pager", status: "resolved", labels, groupKey, receivedAt: 803.19 },
  ],
};

const options = { fleet: { cosmictron: { nodes: 3 } }, seed: 42, speed: 30 };

describe("renderScenario", () => {
  it("writes the faults at their fleet times and the expectations that were seen", () => {
    expect(renderScenario(crash, { ...options, name: "rehearsed-crash" })).toMatchInlineSnapshot(`
      "import { defineScenario, expectAlert, expectNoOtherAlerts } from "firedrill";

      // Recorded by \`firedrill rehearse\` at 30x: a draft to edit. Windows are what was
      // seen plus a margin (half as much again and 30s, whole minutes); check them against the rules.
      export default defineScenario({
        name: "rehearsed-crash",
        fleet: { cosmictron: { nodes: 3 } },
        duration: "14m",
        seed: 42,
        faults: [
          {
            id: "node-crash-1",
            at: "6m35s",
            heal: "11m38s",
            fault: { name: "cosmictron.node.crash", target: "cosmictron-2" },
          },
        ],
        expect: [
          expectAlert("CosmictronNoLiveness")
            .withLabels({
              job: "cosmictron",
              node: "cosmictron-2",
              severity: "critical",
              system: "cosmictron",
            })
            .firesWithin("3m", { after: "node-crash-1" })
            .deliveredTo("pager")
            .resolvesWithin("1m"),
          expectNoOtherAlerts(),
        ],
      });
      "
    `);
  });

  it("leaves out expectNoOtherAlerts when an alert fired before any fault", () => {
    const early = {
      ...crash.alerts[0]!,
      alertname: "CosmictronStorageNearFull",
      pendingAt: 10,
      firingAt: 80,
    };
    const text = renderScenario(
      { ...crash, alerts: [early, ...crash.alerts] },
      { ...options, name: "x" },
    );
    expect(
      text
        .split("\n")
        .filter((l) => l.includes("StorageNearFull") || l.includes("expectNoOtherAlerts()")),
    ).toEqual([
      "// CosmictronStorageNearFull fired at 1m20s before any fault: no expectation for it, and no expectNoOtherAlerts().",
    ]);
  });

  it("saves a file that type-checks, loads as `firedrill run` loads it and passes biome", async () => {
    const saved = await saveScenario(dir(), "rehearsed-crash", (name) =>
      renderScenario(crash, { ...options, name }),
    );
    const [loaded] = await loadScenarios([saved.file]);
    // The recording's fleet, seed, fault and alert labels (less alertname and instance), with the
    // times the first test shows.
    const { id, fault } = crash.faults[0]!;
    const { alertname, instance, ...alertLabels } = labels;
    expect(loaded!.scenario).toEqual({
      name: "rehearsed-crash",
      fleet: options.fleet,
      duration: "14m",
      seed: options.seed,
      faults: [{ id, at: "6m35s", heal: "11m38s", fault }],
      expect: [
        {
          kind: "fires",
          alert: alertname,
          labels: alertLabels,
          after: "node-crash-1",
          within: "3m",
          receiver: "pager",
          resolvesWithin: "1m",
        },
        { kind: "no-other-alerts" },
      ],
    });
    // As biome formats it (scenarios/ is linted): the same text back.
    const text = await readFile(saved.file, "utf8");
    const biome = await execa(
      "npx",
      ["biome", "format", "--stdin-file-path", "scenarios/rehearsed/x.scenario.ts"],
      { cwd: repoRoot, input: text, reject: false },
    );
    expect(biome.stdout + biome.stderr).toBe(text.trimEnd());
  });
});
