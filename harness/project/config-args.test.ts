import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../tools/tools.ts";
import { withConfigArgs } from "./config-args.ts";

let dir: string;
let config: string;
beforeAll(async () => {
  await mkdir(path.join(repoRoot, ".firedrill"), { recursive: true });
  dir = await mkdtemp(path.join(repoRoot, ".firedrill", "config-args-test-"));
  config = path.join(dir, "firedrill.config.ts");
  await writeFile(
    config,
    'export default { scenarios: ["drills"], rules: ["a.yml", "b.yml"], speed: 10, time: "virtual" };\n',
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const options = {
  speed: { type: "string", default: "30" },
  rules: { type: "string", multiple: true },
  time: { type: "string" },
} as const;
const fields = ["scenarios", "rules", "speed", "time"] as const;

describe("withConfigArgs", () => {
  it("fills in what the command line leaves out", async () => {
    expect(await withConfigArgs("firedrill run", ["--config", config], options, fields)).toEqual([
      path.join(dir, "drills"),
      "--rules",
      path.join(dir, "a.yml"),
      "--rules",
      path.join(dir, "b.yml"),
      "--speed",
      "10",
      "--time",
      "virtual",
    ]);
  });

  it("lets flags and scenario paths on the command line override the config", async () => {
    const args = [`--config=${config}`, "--rules", "mine.yml", "--speed=5", "other/"];
    expect(await withConfigArgs("firedrill run", args, options, fields)).toEqual([
      "--time",
      "virtual",
      "--rules",
      "mine.yml",
      "--speed=5",
      "other/",
    ]);
  });

  it("names the field when the command has no flag for it", async () => {
    const { time: _, ...withoutTime } = options;
    await expect(
      withConfigArgs("firedrill run", ["--config", config], withoutTime, fields),
    ).rejects.toThrow(
      `Invalid firedrill config file: ${path.relative(process.cwd(), config)}: time is not supported by \`firedrill run\` in this version of firedrill (it has no --time). Remove it from the config.`,
    );
  });

  it("leaves the arguments alone without a config", async () => {
    const cwd = process.cwd();
    process.chdir(path.join(repoRoot, "fixtures"));
    try {
      expect(
        await withConfigArgs("firedrill run", ["x/", "--speed", "2"], options, fields),
      ).toEqual(["x/", "--speed", "2"]);
    } finally {
      process.chdir(cwd);
    }
  });
});
