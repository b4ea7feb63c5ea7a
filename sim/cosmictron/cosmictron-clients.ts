import { SpanKind } from "@opentelemetry/api";
import type { SeededRandom } from "../core/seeded-random.ts";
import type { CosmictronSecond } from "./cosmictron-second.ts";

/** Span budget per fleet second for queries and for subscription changes. */
const QUERY_SPANS = 3;
const SUBSCRIPTION_SPANS = 3;

/** What one second of client traffic needs from its node. */
export interface ClientSecond extends CosmictronSecond {
  readonly txId: number;
}

/** One client request's span within the second, lasting a log-normal `medianMs` (`sigma`). */
function clientSpan(
  name: string,
  { from, random, tracer, identities, txId }: Omit<ClientSecond, "metrics">,
  medianMs: number,
  sigma: number,
): void {
  const start = from + random.next() * 1000;
  const span = tracer.startSpan(name, {
    kind: SpanKind.SERVER,
    startTime: start,
    attributes: {
      "db.system": "cosmictron",
      "cosmictron.identity": random.pick(identities),
      "cosmictron.tx_id": txId,
    },
  });
  span.end(start + random.logNormal(medianMs, sigma));
}

/**
 * A Cosmictron node's clients: ad-hoc SQL queries (spans only), and connections and
 * subscriptions that revert to the node's seeded level, each connect authenticating.
 */
export class CosmictronClients {
  readonly #target: number;
  readonly #perConnection: number;
  connections: number;
  subscriptions: number;

  constructor(random: SeededRandom) {
    this.#target = random.uniform(18, 32);
    this.#perConnection = random.uniform(1.6, 2.4);
    this.connections = Math.round(this.#target);
    this.subscriptions = Math.round(this.#target * this.#perConnection);
  }

  /** One fleet second of client traffic starting at `second.from`. */
  tick(second: ClientSecond): void {
    this.#queries(second);
    this.#churn(second);
  }

  // Ad-hoc SQL queries: spans only.
  #queries({ from, random, tracer, identities, txId }: ClientSecond): void {
    const n = random.poisson(1.2);
    for (let i = 0; i < Math.min(n, QUERY_SPANS); i++) {
      clientSpan("query", { from, random, tracer, identities, txId }, 2, 0.6);
    }
  }

  // Connections and subscriptions revert to the seeded level; each connect authenticates.
  #churn({ from, random, metrics, tracer, identities, txId }: ClientSecond): void {
    const connects = random.poisson(0.5 + Math.max(0, this.#target - this.connections) * 0.15);
    const disconnects = Math.min(
      this.connections,
      random.poisson((this.connections * 0.5) / this.#target),
    );
    for (let i = 0; i < connects + random.poisson(0.3); i++) {
      const type = random.weighted({ token: 0.7, anonymous: 0.2, oidc: 0.1 });
      metrics.authRequests.inc({ type, status: random.chance(0.03) ? "denied" : "ok" });
    }
    this.connections += connects - disconnects;
    const target = this.connections * this.#perConnection;
    const subscribes = random.poisson(0.8 + Math.max(0, target - this.subscriptions) * 0.15);
    const unsubscribes = Math.min(
      this.subscriptions,
      random.poisson((this.subscriptions * 0.8) / Math.max(1, target)),
    );
    this.subscriptions += subscribes - unsubscribes;
    const events = [
      ...Array<string>(Math.min(subscribes, SUBSCRIPTION_SPANS)).fill("subscribe"),
      ...Array<string>(Math.min(unsubscribes, SUBSCRIPTION_SPANS)).fill("unsubscribe"),
    ].slice(0, SUBSCRIPTION_SPANS);
    for (const event of events) {
      clientSpan(`subscription ${event}`, { from, random, tracer, identities, txId }, 0.8, 0.5);
    }
  }
}
