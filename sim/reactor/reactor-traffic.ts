import type { SeededRandom } from "../core/seeded-random.ts";
import type { Capability } from "./reactor-capabilities.ts";
import type { ReactorDeployment } from "./reactor-deployment.ts";

/** One simulated client request before it is served. */
export interface TrafficRequest {
  readonly capability: Capability;
  readonly method: string;
  readonly path: string;
  readonly tenant: string;
  /** The function a /functions request invokes. */
  readonly fn?: string;
}

/** Share of the traffic each capability gets. */
const CAPABILITY_WEIGHTS: Readonly<Record<Capability, number>> = {
  auth: 0.18,
  data: 0.4,
  storage: 0.14,
  functions: 0.12,
  jobs: 0.06,
  sites: 0.1,
};

const METHOD_WEIGHTS: Readonly<Record<Capability, Readonly<Record<string, number>>>> = {
  auth: { GET: 0.4, POST: 0.6 },
  data: { GET: 0.7, POST: 0.15, PATCH: 0.1, DELETE: 0.05 },
  storage: { GET: 0.8, POST: 0.15, DELETE: 0.05 },
  functions: { POST: 0.85, GET: 0.15 },
  jobs: { GET: 0.5, POST: 0.5 },
  sites: { GET: 1 },
};

const AUTH_POSTS = ["/auth/v1/token", "/auth/v1/signup", "/auth/v1/logout"];

/**
 * Draws the requests clients send a reactor-server: capability by its traffic share, a method
 * it answers, and a path built from the deployment's tables, buckets, functions and tenants.
 *
 * @example
 * const traffic = new ReactorTraffic(random, deployment);
 * traffic.next(); // { capability: "data", method: "GET", path: "/data/v1/orders", ... }
 */
export class ReactorTraffic {
  readonly #random: SeededRandom;
  readonly #deployment: ReactorDeployment;
  readonly #functionWeights: Readonly<Record<string, number>>;

  constructor(random: SeededRandom, deployment: ReactorDeployment) {
    this.#random = random;
    this.#deployment = deployment;
    this.#functionWeights = Object.fromEntries(deployment.functions.map((f) => [f.name, f.weight]));
  }

  /** The next request. */
  next(): TrafficRequest {
    const random = this.#random;
    const capability = random.weighted(CAPABILITY_WEIGHTS);
    const method = random.weighted(METHOD_WEIGHTS[capability]);
    const tenant = random.pick(this.#deployment.tenants);
    switch (capability) {
      case "auth":
        return {
          capability,
          method,
          tenant,
          path: method === "GET" ? "/auth/v1/user" : random.pick(AUTH_POSTS),
        };
      case "data":
        return {
          capability,
          method,
          tenant,
          path: `/data/v1/${random.pick(this.#deployment.tables)}`,
        };
      case "storage":
        return {
          capability,
          method,
          tenant,
          path: `/storage/v1/object/${random.pick(this.#deployment.buckets)}/${random.int(1000, 9999)}.webp`,
        };
      case "functions": {
        const fn = random.weighted(this.#functionWeights);
        return { capability, method, tenant, fn, path: `/functions/v1/${fn}` };
      }
      case "jobs":
        return {
          capability,
          method,
          tenant,
          path: method === "POST" ? "/jobs/v1/enqueue" : "/jobs/v1/runs",
        };
      case "sites":
        return {
          capability,
          method,
          tenant,
          path: `/sites/${tenant.slice(0, 8)}/${random.pick(["index.html", "app.js", "style.css"])}`,
        };
    }
  }
}
