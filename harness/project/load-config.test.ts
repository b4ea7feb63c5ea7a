import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDir } from "../testing/use-temp-dir.ts";
import { repoRoot } from "../tools/tools.ts";
import { loadConfig } from "./load-config.ts";

// Config files import "firedrill", which resolves inside this package only: write them here.
const dir = useTempDir("config-test-", { under: path.join(repoRoot, ".firedrill") });

let count = 0;
async function configFile(body: string): Promise<string> {
  const file = path.join(dir(), `c${count++}`, "firedrill.config.ts");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `import { defineConfig } from "firedrill";\nexport default ${body};\n`);
  return file;
}

async function messageOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as Error).message.replaceAll(path.relative(process.cwd(), dir()), "<dir>");
  }
  throw new Error("expected a rejection");
}

describe("loadConfig", () => {
  it("reads the fields and resolves paths against the config's folder", async () => {
    const file = await configFile(
      'defineConfig({ scenarios: ["drills/"], rules: ["deploy/rules"], alertmanagerConfig: "am.yml", speed: 10, jobs: 2 })',
    );
    const base = path.dirname(file);
    expect(await loadConfig(file)).toEqual({
      file,
      config: {
        scenarios: [path.join(base, "drills")],
        rules: [path.join(base, "deploy/rules")],
        alertmanagerConfig: path.join(base, "am.yml"),
        speed: 10,
        jobs: 2,
      },
    });
  });

  it("is undefined when there is no firedrill.config.ts and none was named", async () => {
    const cwd = process.cwd();
    process.chdir(dir());
    try {
      expect(await loadConfig()).toBeUndefined();
    } finally {
      process.chdir(cwd);
    }
  });

  it("names the file and the field of a wrong value", async () => {
    const file = await configFile('defineConfig({ speed: "fast" as unknown as number })');
    expect(await messageOf(loadConfig(file))).toBe(
      `Invalid firedrill config file: <dir>/c${count - 1}/firedrill.config.ts: speed must be a number from 1 to 120 (got "fast").`,
    );
  });

  it("names an unknown field and lists the known ones", async () => {
    const file = await configFile("{ scenario: ['drills/'] }");
    expect(await messageOf(loadConfig(file))).toBe(
      `Invalid firedrill config file: <dir>/c${count - 1}/firedrill.config.ts: scenario is not a config field (known: scenarios, rules, alertmanagerConfig, speed, time, jobs, reporters, reportDir, driver).`,
    );
  });

  it("rejects jobs out of range and a time mode it does not know", async () => {
    const jobs = await configFile("{ jobs: 1.5 }");
    expect(await messageOf(loadConfig(jobs))).toBe(
      `Invalid firedrill config file: <dir>/c${count - 1}/firedrill.config.ts: jobs must be a whole number from 1 to 8 (got 1.5).`,
    );
    const time = await configFile('{ time: "fast" }');
    expect(await messageOf(loadConfig(time))).toBe(
      `Invalid firedrill config file: <dir>/c${count - 1}/firedrill.config.ts: time must be "live" or "virtual" (got "fast").`,
    );
  });

  it("says when a named config file does not exist", async () => {
    expect(await messageOf(loadConfig(path.join(dir(), "nope.config.ts")))).toBe(
      "Failed to read the config: <dir>/nope.config.ts does not exist. Pass an existing file to --config, or run `npx firedrill init`.",
    );
  });
});
