import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDir } from "../testing/use-temp-dir.ts";
import { readAlertRules } from "./read-alert-rules.ts";

const dir = useTempDir("firedrill-rules-");

/** Writes `text` to <dir>/<folder>/rules.yml. */
async function ruleFile(folder: string, text: string): Promise<string> {
  await mkdir(path.join(dir(), folder), { recursive: true });
  const file = path.join(dir(), folder, "rules.yml");
  await writeFile(file, text);
  return file;
}

describe("readAlertRules", () => {
  it("reads alerting rules in order, not recording rules, with their system", async () => {
    const file = await ruleFile(
      "cosmictron",
      `groups:
  - name: a
    rules:
      - alert: FromFolder
        expr: up == 0
      - record: job:up:sum
        expr: sum(up)
      - alert: FromLabel
        expr: up == 0
        labels: { system: reactor }
  - name: empty
`,
    );
    expect(await readAlertRules([file])).toEqual([
      { alert: "FromFolder", system: "cosmictron", file },
      { alert: "FromLabel", system: "reactor", file },
    ]);
  });

  it("refuses a file that is not a rule file", async () => {
    const file = await ruleFile("bad", "alerts: []\n");
    await expect(readAlertRules([file])).rejects.toMatchObject({
      name: "InputError",
      file,
      message: `Failed to read rule file ${file}: it has no \`groups:\` list. Pass a Prometheus rule file with --rules.`,
    });
  });

  it("refuses a file that does not exist", async () => {
    const file = path.join(dir(), "missing", "rules.yml");
    await expect(readAlertRules([file])).rejects.toMatchObject({
      name: "InputError",
      message: `Failed to read rule file ${file}: ENOENT: no such file or directory, open '${file}'. Pass a Prometheus rule file with --rules.`,
    });
  });
});
