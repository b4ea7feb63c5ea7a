import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AMTOOL, PROMTOOL } from "../../sim/test-support/stack-tools.ts";
import { InputError } from "../errors.ts";
import { useTempDir } from "../testing/use-temp-dir.ts";
import { repoRoot } from "../tools/tools.ts";
import { checkAlertmanagerConfig, checkRules, testRules } from "./promtool.ts";

// Provisioned by `firedrill setup` (npm test runs it first).
const promtool = PROMTOOL ?? "promtool";
const amtool = AMTOOL ?? "amtool";

describe("promtool and amtool checks", () => {
  const dir = useTempDir("firedrill-check-");

  it("accept the fixtures", async () => {
    await expect(
      checkRules(path.join(repoRoot, "fixtures/cosmictron/rules.yml"), promtool),
    ).resolves.toBeUndefined();
    await expect(
      testRules(path.join(repoRoot, "fixtures/cosmictron/rules.test.yml"), promtool),
    ).resolves.toBeUndefined();
    await expect(
      checkAlertmanagerConfig(path.join(repoRoot, "fixtures/alertmanager.yml"), amtool),
    ).resolves.toBeUndefined();
  });

  it("checkRules throws InputError with promtool's message, naming the file", async () => {
    const file = path.join(dir(), "bad.yml");
    await writeFile(
      file,
      "groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: sum(rate(x[5m]) > 1\n",
    );
    const error = await checkRules(file, promtool).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).file).toBe(file);
    expect((error as InputError).message).toBe(
      [
        `Failed to check ${file}: \`${promtool} check rules ${file}\` exited with 1:`,
        `Checking ${file}`,
        "FAILED:",
        `${file}: 5:15: group "g", rule 1, "A": could not parse expression: 1:20: parse error: unclosed left parenthesis`,
        "Fix the rule file where promtool points.",
      ].join("\n"),
    );
  });

  it("checkAlertmanagerConfig throws InputError with amtool's message", async () => {
    const file = path.join(dir(), "am.yml");
    await writeFile(file, "route:\n  receiver: nope\nreceivers:\n  - name: default\n");
    await expect(checkAlertmanagerConfig(file, amtool)).rejects.toThrow(
      [
        `Failed to check ${file}: \`${amtool} check-config ${file}\` exited with 1:`,
        `Checking '${file}'  FAILED: undefined receiver "nope" used in route`,
        "amtool: error: failed to validate 1 file(s)",
        "Fix the Alertmanager config where amtool points.",
      ].join("\n"),
    );
  });
});
