import type { SeededRandom } from "../core/seeded-random.ts";

/** What every node of a Cognitora fleet shares: the release, the models served, the callers. */
export interface CognitoraDeployment {
  /** Cargo.toml version every binary reports in its logs. */
  readonly version: string;
  /** The chat model (gateway.chat); agent 0, 2, 4, ... serve it, so it is multi-replica. */
  readonly chatModel: string;
  /** The embedding model (gateway.embed); agent 1, 3, ... serve it. */
  readonly embedModel: string;
  /** Subjects as cgn-auth names them: `key:<id>` for API keys, `oidc:<sub>` for OIDC users. */
  readonly subjects: readonly string[];
  /** [router.admission].ttft_slo_ms (firedrill's assumption; the document gives no value). */
  readonly ttftSloMs: number;
}

/**
 * The models are the deployment's configuration (which agents serve what), the same for every
 * seed, so that a drill can name the multi-replica chat model; seeds vary the traffic and the
 * callers. Names as Hugging Face spells them.
 */
const CHAT_MODEL = "mistral-7b-instruct-v0.3";
const EMBED_MODEL = "nomic-embed-text-v1.5";

/**
 * Draws the fleet's deployment from the host seed: the same seed gives the same subjects; the
 * models are fixed.
 *
 * @example
 * const deployment = generateDeployment(new SeededRandom(42).derive("cognitora/deployment"));
 * deployment.chatModel; // "mistral-7b-instruct-v0.3"
 */
export function generateDeployment(random: SeededRandom): CognitoraDeployment {
  const faker = random.faker;
  const keys = Array.from(
    { length: 4 },
    () => `key:ak_${faker.string.alphanumeric({ length: 10, casing: "lower" })}`,
  );
  const users = Array.from({ length: 2 }, () => `oidc:${faker.string.uuid()}`);
  return {
    version: "0.14.2",
    chatModel: CHAT_MODEL,
    embedModel: EMBED_MODEL,
    subjects: [...keys, ...users],
    ttftSloMs: 2000,
  };
}
