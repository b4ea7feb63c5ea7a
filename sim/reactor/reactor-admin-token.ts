import { SeededRandom } from "../core/seeded-random.ts";

/**
 * The admin bearer token a reactor fleet uses when REACTOR_ADMIN_TOKEN is unset: derived from
 * the host seed, so the harness computes the same token from the scenario's seed.
 *
 * @example
 * const token = reactorAdminToken(42);
 * await fetch(`${url}/_admin/version`, { headers: { authorization: `Bearer ${token}` } });
 */
export function reactorAdminToken(seed: string | number): string {
  return `rct_${new SeededRandom(seed).derive("reactor/admin-token").faker.string.hexadecimal({ length: 40, casing: "lower", prefix: "" })}`;
}
