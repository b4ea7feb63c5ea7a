import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { evaluatorBinaryPath } from "../setup/index.ts";
import { repoRoot } from "../tools/tools.ts";
import { routeAlerts } from "./route-alerts.ts";

const evaluator = await evaluatorBinaryPath();
const built = existsSync(evaluator);

/** The real evaluator behind a wrapper that counts its starts in `log`. */
function countingEvaluator(): { binary: string; starts: () => number } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "firedrill-route-test-"));
  const log = path.join(dir, "starts");
  writeFileSync(log, "");
  const binary = path.join(dir, "evaluator");
  writeFileSync(binary, `#!/bin/sh\necho >> '${log}'\nexec '${evaluator}' "$@"\n`, { mode: 0o755 });
  return { binary, starts: () => readFileSync(log, "utf8").length };
}

const page = { alertname: "LatticeZipnetServerDown", severity: "page", lattice: "lattice0" };
const ticket = { alertname: "DsfbExporterDown", severity: "warning", node: "dsfb-0" };

describe.skipIf(!built)(
  "routeAlerts (skipped when the evaluator is not built: run `npx firedrill setup`)",
  () => {
    it("routes through Alertmanager's tree, and asks again only for label sets and configs it has not seen", async () => {
      const config = await readFile(path.join(repoRoot, "fixtures/alertmanager.yml"), "utf8");
      const { binary, starts } = countingEvaluator();

      const [toPager, toTickets] = await routeAlerts(binary, config, [page, ticket]);
      expect(toPager?.map((r) => r.receiver)).toEqual(["pager"]);
      expect(toTickets?.map((r) => r.receiver)).toEqual(["tickets"]);
      expect(starts()).toBe(1);

      // The same sets, in another order and label order: answered from memory.
      const again = await routeAlerts(binary, config, [
        { ...ticket },
        { lattice: "lattice0", severity: "page", alertname: "LatticeZipnetServerDown" },
      ]);
      expect(again).toEqual([toTickets, toPager]);
      expect(starts()).toBe(1);

      // A new label set starts the evaluator for it alone; a changed config is asked afresh.
      await routeAlerts(binary, config, [page, { ...page, lattice: "lattice1" }]);
      expect(starts()).toBe(2);
      const swapped = config.replace(/receiver: pager/g, "receiver: tickets");
      const [moved] = await routeAlerts(binary, swapped, [page]);
      expect(moved?.map((r) => r.receiver)).not.toContain("pager");
      expect(starts()).toBe(3);
    });
  },
);
