import type { SeededRandom } from "../core/seeded-random.ts";

/** One reducer of a module and its share of the node's calls. */
export interface ReducerSpec {
  readonly name: string;
  /** Relative share of the node's reducer calls. */
  readonly weight: number;
  /** Median execution time in seconds. */
  readonly medianSeconds: number;
  /** Median fuel per call. */
  readonly medianFuel: number;
  /** How many rows a committed call changes, on average. */
  readonly rowsPerCall: number;
}

/** One deployed WASM module and its reducers. */
export interface ModuleSpec {
  readonly name: string;
  readonly reducers: readonly ReducerSpec[];
}

/** Lower-case words joined by `sep`, with anything else dropped. */
function identifier(words: string, sep: string): string {
  return words
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, sep)
    .replace(new RegExp(`^\\${sep}+|\\${sep}+$`, "g"), "");
}

/** Draws a name with `make` until it is new. */
function unique(taken: Set<string>, make: () => string): string {
  for (let i = 0; i < 50; i++) {
    const name = make();
    if (name && !taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  const fallback = `${make()}-${taken.size}`;
  taken.add(fallback);
  return fallback;
}

/**
 * The modules a Cosmictron fleet runs, drawn from the seed: three modules with three or four
 * reducers each (kebab-case module names, snake_case reducer names). Same seed, same modules.
 *
 * @example
 * generateModules(new SeededRandom("42").derive("modules"));
 * // [{ name: "quiet-harbor", reducers: [{ name: "parse_bandwidth", ... }, ...] }, ...]
 */
export function generateModules(random: SeededRandom): ModuleSpec[] {
  const { faker } = random;
  const moduleNames = new Set<string>();
  const modules: ModuleSpec[] = [];
  for (let m = 0; m < 3; m++) {
    const name = unique(moduleNames, () =>
      identifier(`${faker.word.adjective()} ${faker.word.noun()}`, "-"),
    );
    const reducerNames = new Set<string>();
    const count = random.int(3, 4);
    const reducers: ReducerSpec[] = [];
    for (let r = 0; r < count; r++) {
      reducers.push({
        name: unique(reducerNames, () =>
          identifier(`${faker.hacker.verb()} ${faker.hacker.noun()}`, "_"),
        ),
        weight: random.uniform(1, 2.5),
        medianSeconds: random.uniform(0.0008, 0.006),
        medianFuel: Math.round(random.uniform(5_000, 120_000)),
        rowsPerCall: random.uniform(1, 6),
      });
    }
    modules.push({ name, reducers });
  }
  return modules;
}
