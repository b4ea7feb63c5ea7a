import type http from "node:http";
import type { Clock } from "../core/clock.ts";
import { RepeatingTimer } from "../core/repeating-timer.ts";
import type { CognitoraBinary } from "./cognitora-binary.ts";

/**
 * A Cognitora binary whose running process does one thing on a fixed fleet-time interval (publish
 * its gauges, read the hosts' power): it ticks once as it starts and then every `intervalMs`
 * until paused, and it is always ready. A binary says what starting does and what a tick does.
 *
 * @example
 * class Demo extends TickingBinary {
 *   constructor(ctx: BinaryContext) { super(ctx.clock, 5_000); }
 *   protected boot(restarted: boolean) { if (restarted) this.metrics.initialize(); }
 *   protected tick() { this.metrics.gauge.set(1); }
 * }
 */
export abstract class TickingBinary implements CognitoraBinary {
  readonly #ticks: RepeatingTimer;

  constructor(clock: Clock, intervalMs: number) {
    this.#ticks = new RepeatingTimer(clock, intervalMs, () => this.tick());
  }

  /** What the process does as it starts, before its first tick; `restarted` after a crash. */
  protected abstract boot(restarted: boolean): void;

  /** The binary's periodic work. */
  protected abstract tick(): void;

  abstract exposition(): Promise<string>;

  abstract handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    path: string,
  ): Promise<boolean>;

  abstract utilization(): number;

  start(restarted: boolean): void {
    this.boot(restarted);
    this.tick();
    this.#ticks.start();
  }

  pause(): void {
    this.#ticks.stop();
  }

  ready(): boolean {
    return true;
  }
}
