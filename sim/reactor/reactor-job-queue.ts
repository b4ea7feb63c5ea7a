import { EffectStack } from "../core/effect-stack.ts";
import type { ReactorContext } from "./reactor-context.ts";

/** Backlogged jobs the workers clear per fleet second once the backlog heals. */
const DRAIN_PER_SECOND = 40;

/** A jobs backlog: the queue climbs to `depth` over `rampMs` while the workers are stuck. */
export interface BacklogPlan {
  readonly depth: number;
  readonly rampMs: number;
  readonly startMs: number;
}

/**
 * A reactor-server's job queue: seeded enqueues, a seeded number of workers completing runs,
 * and the jobs-backlog faults on top (stuck workers, a queue climbing to the plan's depth,
 * drained after the heal).
 */
export class ReactorJobQueue {
  /** Active backlog faults. */
  readonly backlogs = new EffectStack<BacklogPlan>();
  readonly #ctx: Pick<ReactorContext, "clock" | "random" | "metrics" | "log">;
  readonly #enqueueRate: number;
  readonly #workers: number;
  #queued = 0;
  /** Jobs queued at the worst of a backlog fault, beyond the backlog itself. */
  #stuckQueued = 0;
  /** Jobs a backlog fault holds on top of the queue. */
  backlog = 0;

  constructor(options: Pick<ReactorContext, "clock" | "random" | "metrics" | "log">) {
    this.#ctx = options;
    this.#enqueueRate = options.random.uniform(1.5, 3.5);
    this.#workers = options.random.int(6, 10);
  }

  /** Jobs waiting, the backlog included. */
  get depth(): number {
    return this.#queued + this.backlog;
  }

  /** One fleet second of the queue; `tick` counts the seconds, for the periodic warning. */
  tick(tick: number): void {
    const random = this.#ctx.random;
    const now = this.#ctx.clock.now();
    const plans = this.backlogs.values();
    const stuck = plans.length > 0;
    this.#queued += random.poisson(this.#enqueueRate);
    const capacity = random.poisson(this.#workers * (stuck ? 0.3 : 1));
    const runs = Math.min(this.#queued, capacity);
    this.#queued -= runs;
    if (stuck) {
      const target = Math.max(
        ...plans.map((p) => {
          const progress =
            p.rampMs > 0 ? Math.min(1, Math.max(0, (now - p.startMs) / p.rampMs)) : 1;
          return p.depth * progress;
        }),
      );
      this.backlog = Math.max(this.backlog, Math.round(target - this.#queued));
    } else if (this.backlog > 0 || this.#stuckQueued > 0) {
      // The workers clear what piled up while they were stuck, the queued jobs that outgrew
      // the backlog's depth included: those too are gone within a minute or so of the heal.
      const fromBacklog = Math.min(this.backlog, DRAIN_PER_SECOND);
      const fromQueue = Math.min(this.#stuckQueued, this.#queued, DRAIN_PER_SECOND - fromBacklog);
      this.backlog -= fromBacklog;
      this.#queued -= fromQueue;
      this.#stuckQueued = Math.max(0, Math.min(this.#stuckQueued - fromQueue, this.#queued));
      this.#ctx.metrics.jobsRuns.inc({ outcome: "completed" }, fromBacklog + fromQueue);
      if (this.backlog === 0) this.#ctx.log.info("reactor_jobs", "job backlog drained", {});
    }
    if (stuck) this.#stuckQueued = Math.max(this.#stuckQueued, this.#queued);
    for (let i = 0; i < runs; i++) {
      const failed = random.chance(0.02);
      const seconds = Math.min(300, random.logNormal(1.5, 0.8) * (stuck ? 5 : 1));
      this.#ctx.metrics.jobsRuns.inc({ outcome: failed ? "failed" : "completed" });
      this.#ctx.metrics.jobsRunDuration.observe(seconds);
      if (failed) {
        this.#ctx.log.warn("reactor_jobs", "job run failed", {
          job_id: random.int(100_000, 999_999),
          duration_ms: Math.round(seconds * 1000),
          error: "handler returned an error",
        });
      }
    }
    if (stuck && tick % 30 === 0) {
      this.#ctx.log.warn("reactor_jobs", "job queue backlog growing", { depth: this.depth });
    }
  }
}
