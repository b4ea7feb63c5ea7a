import type { SeededRandom } from "../core/seeded-random.ts";

/** A deployed function: its name (the `function` label) and runtime (the `runtime` label). */
export interface FunctionSpec {
  readonly name: string;
  readonly runtime: "bun" | "wasmtime";
  /** Share of function traffic it gets (weights sum to 1). */
  readonly weight: number;
  readonly medianSeconds: number;
}

/** What every node of a shared cluster serves: tenants, their users, tables, buckets and functions. */
export interface ReactorDeployment {
  /** Project refs of the tenants (the `tenant` label of reactor_quota_exceeded_total). */
  readonly tenants: readonly string[];
  /** JWT `sub` claims of the users signing in. */
  readonly users: readonly string[];
  readonly tables: readonly string[];
  readonly buckets: readonly string[];
  readonly functions: readonly FunctionSpec[];
  /** Tenant adapters the cluster keeps cached, on average (capacity 5000). */
  readonly cachedTenants: number;
}

const TABLES = ["users", "orders", "messages", "projects", "invoices", "events", "comments"];

/** Names a function kebab-case from two seeded words, e.g. "resize-avatar". */
function functionName(random: SeededRandom, taken: Set<string>): string {
  for (;;) {
    const name = `${random.faker.hacker.verb()}-${random.faker.hacker.noun()}`
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-");
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

/**
 * Draws a deployment from the host seed, so every node of a fleet serves the same tenants and
 * functions (faker for the tenant refs, user ids and function names).
 *
 * @example
 * const deployment = generateDeployment(new SeededRandom(42).derive("reactor/deployment"));
 * deployment.functions[0]; // { name: "parse-bus", runtime: "bun", ... }
 */
export function generateDeployment(random: SeededRandom): ReactorDeployment {
  const faker = random.faker;
  const tenants = Array.from({ length: random.int(8, 14) }, () =>
    faker.string.alpha({ length: 20, casing: "lower" }),
  );
  const users = Array.from({ length: 40 }, () => faker.string.uuid());
  const tables = faker.helpers.arrayElements(TABLES, random.int(4, 6));
  const buckets = Array.from({ length: 3 }, () =>
    faker.word.noun({ length: { min: 4, max: 9 } }).toLowerCase(),
  );
  const taken = new Set<string>();
  const count = random.int(5, 8);
  const raw = Array.from({ length: count }, () => random.uniform(0.2, 1));
  const total = raw.reduce((sum, w) => sum + w, 0);
  const functions = raw.map((w) => ({
    name: functionName(random, taken),
    runtime: random.chance(0.7) ? ("bun" as const) : ("wasmtime" as const),
    weight: w / total,
    medianSeconds: random.uniform(0.008, 0.06),
  }));
  return {
    tenants,
    users,
    tables,
    buckets: [...new Set(buckets)],
    functions,
    cachedTenants: random.int(1200, 3200),
  };
}
