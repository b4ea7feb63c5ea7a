import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { useTempDir } from "../testing/use-temp-dir.ts";
import { repoRoot } from "../tools/tools.ts";
import { plainRuleFiles } from "./plain-rule-files.ts";

const tempDir = useTempDir("firedrill-plain-rules-");

describe("plainRuleFiles", () => {
  it("cuts a PrometheusRule's groups out of a Helm render, and keeps a plain rule file as it is", async () => {
    const helm = path.join(repoRoot, "fixtures/kubernetes/rules/cognitora-prometheus-rule.yaml");
    const plain = path.join(repoRoot, "fixtures/cosmictron/rules.yml");
    const [cut, kept, ...rest] = await plainRuleFiles([helm, plain], tempDir());
    expect(rest).toEqual([]);
    expect(kept).toBe(plain);
    expect(path.dirname(cut!)).toBe(tempDir());
    const groups = (
      parse(await readFile(cut!, "utf8")) as { groups: { rules: { alert?: string }[] }[] }
    ).groups;
    expect(groups.flatMap((g) => g.rules.flatMap((r) => (r.alert ? [r.alert] : [])))).toEqual([
      "CognitoraTtftSloBreach",
      "CognitoraCacheHitRatioLow",
      "CognitoraEngineNotReady",
      "CognitoraAdmissionQueueFull",
    ]);
  });
});
