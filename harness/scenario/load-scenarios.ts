import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../errors.ts";
import { importDefault } from "./import-default.ts";
import { type ScenarioLocation, scenarioLocations } from "./scenario-locations.ts";
import { typecheckFiles } from "./typecheck.ts";
import type { Scenario } from "./types.ts";
import { validateScenario } from "./validate-scenario.ts";

/** A scenario and the file it came from. */
export interface LoadedScenario {
  readonly file: string;
  readonly scenario: Scenario;
  /** The file and line of its `defineScenario` call (for JUnit), when the stack told. */
  readonly location?: ScenarioLocation;
}

/** Scenario files are TypeScript modules named *.scenario.ts. */
const SCENARIO_SUFFIX = ".scenario.ts";

/** Expands files and folders (recursively) into scenario files, sorted, absolute. */
export async function findScenarioFiles(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const absolute = path.resolve(input);
    const info = await stat(absolute).catch((cause: unknown) => {
      throw new InputError(
        `Failed to read scenarios: ${input} does not exist. Pass scenario files (*${SCENARIO_SUFFIX}) or folders holding them.`,
        { cause, file: input },
      );
    });
    if (info.isDirectory()) {
      const entries = await readdir(absolute, { recursive: true, withFileTypes: true });
      const found = entries
        .filter((e) => e.isFile() && e.name.endsWith(SCENARIO_SUFFIX))
        .map((e) => path.join(e.parentPath, e.name));
      if (found.length === 0) {
        throw new InputError(
          `Failed to read scenarios: ${input} holds no *${SCENARIO_SUFFIX} file. Name scenario files like baseline${SCENARIO_SUFFIX}.`,
          { file: input },
        );
      }
      files.push(...found);
    } else {
      files.push(absolute);
    }
  }
  return [...new Set(files)].sort();
}

/**
 * Type-checks, imports and validates scenario files; picks one by name when `only` is given.
 * Everything that is wrong fails here, with the file and the place, before anything starts.
 */
export async function loadScenarios(
  inputs: readonly string[],
  options: { only?: string } = {},
): Promise<LoadedScenario[]> {
  const files = await findScenarioFiles(inputs);
  typecheckFiles(files);
  const loaded: LoadedScenario[] = [];
  for (const file of files) {
    let exported: unknown;
    try {
      exported = await importDefault(file);
    } catch (cause) {
      throw new InputError(
        `Invalid scenario file: ${file}: it failed to load: ${(cause as Error).message}`,
        { cause, file },
      );
    }
    if (exported === undefined) {
      throw new InputError(
        `Invalid scenario file: ${file}: it has no default export. Did you forget \`export default defineScenario({...})\`?`,
        { file },
      );
    }
    const list = Array.isArray(exported) ? exported : [exported];
    list.forEach((candidate, index) => {
      const where = Array.isArray(exported) ? `${file} (export default[${index}])` : file;
      const location = scenarioLocations.get(candidate as Scenario);
      loaded.push({
        file,
        scenario: validateScenario(candidate, where),
        ...(location ? { location } : {}),
      });
    });
  }
  const seen = new Map<string, string>();
  for (const { file, scenario } of loaded) {
    const other = seen.get(scenario.name);
    if (other) {
      throw new InputError(
        `Invalid scenario file: ${file}: scenario name "${scenario.name}" is already used by ${other}. Scenario names must be unique.`,
        { file },
      );
    }
    seen.set(scenario.name, file);
  }
  if (options.only !== undefined) {
    const picked = loaded.filter((l) => l.scenario.name === options.only);
    if (picked.length === 0) {
      throw new InputError(
        `Unknown scenario "${options.only}". Known scenarios: ${[...seen.keys()].join(", ")}.`,
      );
    }
    return picked;
  }
  return loaded;
}
