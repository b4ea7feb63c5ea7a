import { InputError } from "../errors.ts";
import { ScrapeProxy } from "./scrape-proxy.ts";

/** One proxy per fleet node, by node id. */
export class ScrapeProxies {
  readonly #byNode: ReadonlyMap<string, ScrapeProxy>;

  private constructor(byNode: ReadonlyMap<string, ScrapeProxy>) {
    this.#byNode = byNode;
  }

  /** Starts a proxy for every node: `nodes` maps a node id to the port it listens on. */
  static async start(
    nodes: readonly { id: string; port: number }[],
    ports: () => number,
  ): Promise<ScrapeProxies> {
    const byNode = new Map<string, ScrapeProxy>();
    try {
      for (const node of nodes) {
        byNode.set(
          node.id,
          await ScrapeProxy.start(ports(), { host: "127.0.0.1", port: node.port }),
        );
      }
    } catch (error) {
      await Promise.all([...byNode.values()].map((p) => p.close()));
      throw error;
    }
    return new ScrapeProxies(byNode);
  }

  /** The address Prometheus scrapes for a node's address, or the address itself if not proxied. */
  addressFor(nodeId: string): string | undefined {
    return this.#byNode.get(nodeId)?.address;
  }

  /** The proxy in front of a node; an unknown node is an input error naming the known ones. */
  of(nodeId: string): ScrapeProxy {
    const proxy = this.#byNode.get(nodeId);
    if (!proxy) {
      throw new InputError(
        `No scrape path to node "${nodeId}". Nodes: ${[...this.#byNode.keys()].join(", ")}.`,
      );
    }
    return proxy;
  }

  async close(): Promise<void> {
    await Promise.all([...this.#byNode.values()].map((p) => p.close()));
  }
}
