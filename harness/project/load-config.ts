import { access } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../errors.ts";
import { importDefault } from "../scenario/import-default.ts";
import type { FiredrillConfig } from "./firedrill-config.ts";

/** A config file read and checked: its fields, with paths made absolute. */
export interface LoadedConfig {
  readonly file: string;
  readonly config: FiredrillConfig;
}

/** The file `firedrill init` writes and every command looks for in the current folder. */
export const CONFIG_FILE = "firedrill.config.ts";

type FieldKind =
  | { readonly kind: "paths" }
  | { readonly kind: "path" }
  | { readonly kind: "strings" }
  | { readonly kind: "number"; readonly min: number; readonly max: number; readonly whole: boolean }
  | { readonly kind: "one-of"; readonly values: readonly string[] };

/** Every field a config may hold, and what it must be. */
const FIELDS: Readonly<Record<keyof FiredrillConfig, FieldKind>> = {
  scenarios: { kind: "paths" },
  rules: { kind: "paths" },
  alertmanagerConfig: { kind: "path" },
  speed: { kind: "number", min: 1, max: 120, whole: false },
  time: { kind: "one-of", values: ["live", "virtual"] },
  jobs: { kind: "number", min: 1, max: 8, whole: true },
  reporters: { kind: "strings" },
  reportDir: { kind: "path" },
  driver: { kind: "one-of", values: ["processes", "containers"] },
};

/**
 * Reads `--config FILE`, else ./firedrill.config.ts when there is one; undefined when neither.
 * Throws InputError naming the file and the field when the config is wrong.
 */
export async function loadConfig(explicit?: string): Promise<LoadedConfig | undefined> {
  const file = path.resolve(explicit ?? CONFIG_FILE);
  const shown = path.relative(process.cwd(), file) || file;
  const found = await access(file).then(
    () => true,
    () => false,
  );
  if (!found) {
    if (explicit === undefined) return undefined;
    throw new InputError(
      `Failed to read the config: ${shown} does not exist. Pass an existing file to --config, or run \`npx firedrill init\`.`,
      { file: shown },
    );
  }
  let exported: unknown;
  try {
    exported = await importDefault(file);
  } catch (cause) {
    throw new InputError(
      `Invalid firedrill config file: ${shown}: it failed to load: ${(cause as Error).message}`,
      { cause, file: shown },
    );
  }
  return { file, config: checkConfig(exported, shown, path.dirname(file)) };
}

/** Checks each field's type; resolves paths against the config's folder. */
function checkConfig(exported: unknown, shown: string, base: string): FiredrillConfig {
  const fail = (place: string, problem: string): never => {
    throw new InputError(`Invalid firedrill config file: ${shown}: ${place} ${problem}`, {
      file: shown,
    });
  };
  if (typeof exported !== "object" || exported === null || Array.isArray(exported)) {
    return fail("default export", "is not a config. Use `export default defineConfig({...})`.");
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(exported)) {
    const field = FIELDS[key as keyof FiredrillConfig];
    if (field === undefined) {
      fail(key, `is not a config field (known: ${Object.keys(FIELDS).join(", ")}).`);
    }
    if (value === undefined) continue;
    out[key] = checkField(field!, value, base, (problem) => fail(key, problem));
  }
  return out as FiredrillConfig;
}

/** One field's value, checked (and resolved, for paths). */
function checkField(
  field: FieldKind,
  value: unknown,
  base: string,
  fail: (problem: string) => never,
): unknown {
  const got = `(got ${JSON.stringify(value)})`;
  switch (field.kind) {
    case "paths":
    case "strings": {
      if (!Array.isArray(value) || value.some((v) => typeof v !== "string" || v === "")) {
        return fail(`must be a list of non-empty strings, e.g. ["drills/"] ${got}.`);
      }
      return field.kind === "paths" ? value.map((v: string) => path.resolve(base, v)) : value;
    }
    case "path":
      if (typeof value !== "string" || value === "") return fail(`must be a file path ${got}.`);
      return path.resolve(base, value);
    case "number":
      if (
        typeof value !== "number" ||
        !Number.isFinite(value) ||
        value < field.min ||
        value > field.max ||
        (field.whole && !Number.isInteger(value))
      ) {
        return fail(
          `must be a ${field.whole ? "whole number" : "number"} from ${field.min} to ${field.max} ${got}.`,
        );
      }
      return value;
    case "one-of":
      if (typeof value !== "string" || !field.values.includes(value)) {
        return fail(`must be ${field.values.map((v) => `"${v}"`).join(" or ")} ${got}.`);
      }
      return value;
  }
}
