import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { useTempDir } from "../testing/use-temp-dir.ts";
import { repoRoot } from "../tools/tools.ts";
import { plainRuleFiles } from "./plain-rule-files.ts";

const tempDir = useTempDir("firedrill-plain-rules-");

describe("plainRuleFiles", () => {
  it("cuts a PrometheusRule's groups out of a Helm render and copies a plain rule file, under names that hold no path", async () => {
    const helm = path.join(repoRoot, "fixtures/kubernetes/rules/cognitora-prometheus-rule.yaml");
    const plain = path.join(repoRoot, "fixtures/cosmictron/rules.yml");
    const { dir, files } = await plainRuleFiles([helm, plain], tempDir());
    expect(dir).toBe(tempDir());
    expect(files).toEqual(["0-cognitora-prometheus-rule-doc2.yml", "1-rules.yml"]);
    expect(await readFile(path.join(dir, files[1]!), "utf8")).toBe(await readFile(plain, "utf8"));
    const groups = (
      parse(await readFile(path.join(dir, files[0]!), "utf8")) as {
        groups: { rules: { alert?: string }[] }[];
      }
    ).groups;
    expect(groups.flatMap((g) => g.rules.flatMap((r) => (r.alert ? [r.alert] : [])))).toEqual([
      "CognitoraTtftSloBreach",
      "CognitoraCacheHitRatioLow",
      "CognitoraEngineNotReady",
      "CognitoraAdmissionQueueFull",
      "CognitoraHostMissing",
      "CognitoraMetricsDown",
    ]);
  });
});
