import { OtlpSink } from "../test-support/otlp-sink.ts";
import { SimTestHost } from "../test-support/sim-test-host.ts";

/** What GET /v1/health/detailed answers (the fields tests read). */
export interface DetailedHealth extends Record<string, unknown> {
  readonly status: string;
  readonly wal: { status: string };
  readonly storage: { status: string; pages: number; bytes_used: number };
  readonly uptime_secs: number;
}

/**
 * The sim host the start-sim-host tests share: Cosmictron, seed 42, nodes cosmictron-0 and
 * cosmictron-1, spans exported to a recording OTLP sink, a minute of fleet time already run.
 *
 * @example
 * const cosmictron = await CosmictronTestHost.start();
 * expect((await cosmictron.detailed()).status).toBe("healthy");
 */
export class CosmictronTestHost implements AsyncDisposable {
  readonly fleet: SimTestHost;
  readonly otlp: OtlpSink;

  private constructor(fleet: SimTestHost, otlp: OtlpSink) {
    this.fleet = fleet;
    this.otlp = otlp;
  }

  /** Starts the sink and the host, then runs a minute of fleet time. */
  static async start(): Promise<CosmictronTestHost> {
    const otlp = await OtlpSink.start();
    const fleet = await SimTestHost.start({
      system: "cosmictron",
      seed: 42,
      nodes: [
        { id: "cosmictron-0", port: 0 },
        { id: "cosmictron-1", port: 0 },
      ],
      otlpEndpoint: otlp.url,
    });
    fleet.clock.advance(60_000);
    return new CosmictronTestHost(fleet, otlp);
  }

  /** The URL of cosmictron-0, the node the faults target. */
  get node0(): string {
    return this.fleet.url("cosmictron-0");
  }

  /** Injects a fault on cosmictron-0 and returns its id. */
  inject(name: string, params?: Record<string, unknown>): Promise<string> {
    return this.fleet.inject(name, "cosmictron-0", params);
  }

  /** Detailed health of cosmictron-0. */
  async detailed(): Promise<DetailedHealth> {
    return (await (await fetch(`${this.node0}/v1/health/detailed`)).json()) as DetailedHealth;
  }

  /** Stops the host, then the sink. */
  async close(): Promise<void> {
    await this.fleet.close();
    await this.otlp.close();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}
