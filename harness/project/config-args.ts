import path from "node:path";
import type { ParseArgsConfig } from "node:util";
import { parseArgs } from "node:util";
import { InputError } from "../errors.ts";
import type { FiredrillConfig } from "./firedrill-config.ts";
import { type LoadedConfig, loadConfig } from "./load-config.ts";

/** The flag each config field is the default of (scenarios are the positionals). */
const FLAGS: Readonly<Record<Exclude<keyof FiredrillConfig, "scenarios">, string>> = {
  rules: "rules",
  alertmanagerConfig: "alertmanager-config",
  speed: "speed",
  time: "time",
  jobs: "jobs",
  reporters: "reporter",
  reportDir: "report-dir",
  driver: "driver",
};

/**
 * A command's arguments with the fields of its config (`--config FILE`, else
 * ./firedrill.config.ts when there is one) filled in where the command line left them out: a flag given on the command line replaces the config's value (a repeatable one, all of
 * them), scenario files or folders given replace `scenarios`. `fields` are those the command
 * reads; a config value for a flag the command does not have is an input error naming the field.
 */
export async function withConfigArgs(
  command: string,
  args: readonly string[],
  options: NonNullable<ParseArgsConfig["options"]>,
  fields: readonly (keyof FiredrillConfig)[],
): Promise<string[]> {
  const { values, tokens } = parseArgs({
    args: [...args],
    options: { ...options, config: { type: "string" } },
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const explicit = typeof values.config === "string" ? values.config : undefined;
  const loaded = await loadConfig(explicit);
  const rest = withoutConfigFlag(args, tokens);
  if (loaded === undefined) return rest;
  return merge(command, rest, tokens, options, loaded, fields);
}

/** args without `--config FILE` / `--config=FILE`, which only this file reads. */
function withoutConfigFlag(
  args: readonly string[],
  tokens: NonNullable<ReturnType<typeof parseArgs>["tokens"]>,
): string[] {
  const drop = new Set<number>();
  for (const t of tokens) {
    if (t.kind !== "option" || t.name !== "config") continue;
    drop.add(t.index);
    if (t.value !== undefined && !t.inlineValue) drop.add(t.index + 1);
  }
  return args.filter((_, i) => !drop.has(i));
}

/** Fills in the config's values for what the command line left out. */
function merge(
  command: string,
  args: readonly string[],
  tokens: NonNullable<ReturnType<typeof parseArgs>["tokens"]>,
  options: NonNullable<ParseArgsConfig["options"]>,
  loaded: LoadedConfig,
  fields: readonly (keyof FiredrillConfig)[],
): string[] {
  const given = new Set(tokens.filter((t) => t.kind === "option").map((t) => t.name));
  const hasPositionals = tokens.some((t) => t.kind === "positional");
  const shown = path.relative(process.cwd(), loaded.file) || loaded.file;
  const flags: string[] = [];
  const scenarios: string[] = [];
  for (const field of fields) {
    const value = loaded.config[field];
    if (value === undefined) continue;
    if (field === "scenarios") {
      if (!hasPositionals) scenarios.push(...(value as readonly string[]));
      continue;
    }
    const flag = FLAGS[field];
    if (given.has(flag)) continue;
    if (options[flag] === undefined) {
      throw new InputError(
        `Invalid firedrill config file: ${shown}: ${field} is not supported by \`${command}\` in this version of firedrill (it has no --${flag}). Remove it from the config.`,
        { file: shown },
      );
    }
    for (const item of Array.isArray(value) ? value : [value])
      flags.push(`--${flag}`, String(item));
  }
  return [...scenarios, ...flags, ...args];
}
