import type http from "node:http";
import type { Clock } from "../core/clock.ts";
import type { Heal } from "../core/fault-definition.ts";
import type { Logger } from "../core/logger.ts";
import { RepeatingTimer } from "../core/repeating-timer.ts";
import type { SeededRandom } from "../core/seeded-random.ts";
import type { Exposition } from "../core/sim-node.ts";
import { type NodeWork, SimNodeBase } from "../core/sim-node-base.ts";
import { DsfbWorkload } from "./dsfb-workload.ts";
import type { MetricsSnapshot } from "./metrics-snapshot.ts";
import { OPENMETRICS_CONTENT_TYPE, renderOpenMetrics } from "./render-openmetrics.ts";
import { renderPrometheusText } from "./render-prometheus-text.ts";
import { TextfileWriter } from "./textfile-writer.ts";

/** Fleet ms between two textfile rewrites: node_exporter's usual scrape interval. */
const TEXTFILE_INTERVAL_MS = 15_000;

/**
 * A simulated DSFB motif-engine exporter (dsfb-database): GET /metrics answers the engine's
 * snapshot as OpenMetrics 1.0 text, and, when given a `textfilePath`, the same snapshot is
 * rewritten atomically every 15 fleet seconds in the Prometheus text format for node_exporter's
 * textfile collector (with a `node` label). No tracing: the document names none.
 *
 * @example
 * const node = new DsfbNode({ id: "dsfb-0", port: 0, clock, random, logger });
 * await node.start();
 * await fetch(`${node.url}/metrics`);
 */
export class DsfbNode extends SimNodeBase {
  readonly #workload: DsfbWorkload;
  readonly #log: Logger;
  readonly #textfile: TextfileWriter | undefined;
  readonly #textfileWrites: RepeatingTimer;
  readonly #work: NodeWork;

  constructor(options: {
    id: string;
    port: number;
    clock: Clock;
    /** This node's own generator (derived from the host seed and the node id). */
    random: SeededRandom;
    logger: Logger;
    /** Where the textfile goes (…/dsfb-0.prom); no textfile when absent. */
    textfilePath?: string | undefined;
  }) {
    super({ id: options.id, port: options.port });
    this.#log = options.logger;
    this.#workload = new DsfbWorkload({
      clock: options.clock,
      random: options.random,
      logger: options.logger,
    });
    this.#textfile =
      options.textfilePath === undefined ? undefined : new TextfileWriter(options.textfilePath);
    this.#textfileWrites = new RepeatingTimer(options.clock, TEXTFILE_INTERVAL_MS, () =>
      this.#writeTextfile(),
    );
    // The textfile is rewritten while the exporter runs, and keeps its last content when it stops.
    this.#work = {
      start: (restarted) => {
        this.#workload.start(restarted);
        this.#scheduleTextfile();
      },
      resume: () => {
        this.#workload.resume();
        this.#scheduleTextfile();
      },
      pause: () => this.#pause(),
      kill: () => this.#workload.kill(),
      drain: async () => this.#textfile?.idle(),
    };
  }

  protected work(): NodeWork {
    return this.#work;
  }

  async exposition(): Promise<Exposition> {
    return { contentType: OPENMETRICS_CONTENT_TYPE, body: renderOpenMetrics(this.snapshot()) };
  }

  /** The textfile's path, when the node writes one. */
  get textfilePath(): string | undefined {
    return this.#textfile?.path;
  }

  /** What the exporter publishes now. */
  snapshot(): MetricsSnapshot {
    return {
      motifs: this.#workload.engine.motifs(),
      streaming: this.#workload.ingestor.counters(),
    };
  }

  /** A `share` of residual samples arrives `lagSeconds` late until healed. */
  delayResiduals(share: number, lagSeconds: number): Heal {
    return this.#workload.latePlans.add({ share, lagMs: lagSeconds * 1_000 });
  }

  /** Every trust-sum observed at an episode boundary is off by `offset` until healed. */
  driftTrust(offset: number): Heal {
    return this.#workload.engine.trustDrifts.add(offset);
  }

  /** Resolves once the textfile holds the latest snapshot written. */
  async textfileIdle(): Promise<void> {
    await this.#textfile?.idle();
  }

  // Writes the textfile now and every TEXTFILE_INTERVAL_MS.
  #scheduleTextfile(): void {
    this.#textfileWrites.stop();
    if (this.#textfile) {
      this.#writeTextfile();
      this.#textfileWrites.start();
    }
  }

  // Stops the workload and the textfile; the file keeps its last content, as a dead process's does.
  #pause(): void {
    this.#workload.pause();
    this.#textfileWrites.stop();
  }

  // Rewrites the textfile from the current snapshot; logs the previous write's failure.
  #writeTextfile(): void {
    const writer = this.#textfile;
    if (!writer) return;
    const failure = writer.lastError;
    if (failure) {
      this.#log.error("dsfb_database::metrics_exporter", "textfile write failed", {
        error: failure.message,
      });
    }
    writer.write(renderPrometheusText(this.snapshot(), { node: this.id }));
  }

  // The node's HTTP surface: /metrics only.
  protected handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    return this.answerGet(req, res);
  }
}
