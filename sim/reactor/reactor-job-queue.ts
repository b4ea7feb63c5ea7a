import { EffectStack } from "../core/effect-stack.ts";
import type { ReactorContext } from "./reactor-context.ts";

/** A job a worker is running: the seconds of work left, and when it started (fleet ms). */
interface RunningJob {
  remaining: number;
  readonly startMs: number;
}

/** The most work one job takes at full speed, in seconds (a handler's own timeout). */
const MAX_WORK_SECONDS = 300;

/**
 * A reactor-server's job queue, a queue and nothing else: jobs arrive (Poisson, a seeded rate
 * of about 2.5 a second), a seeded pool of 40–60 workers takes them in order, and each run takes
 * its seeded seconds of work (median 1.5 s). `reactor_jobs_queue_depth` is the jobs that arrived
 * and no worker has taken yet; `reactor_jobs_runs_total` counts each run as it ends. In normal
 * running the workers have about ten times the capacity the arrivals need, so the queue is empty
 * between ticks.
 *
 * A stall (`reactor.jobs.backlog`) slows the workers' progress, as a slow downstream does to the
 * handlers waiting on it: `slowdown` 10 makes every second of a run take ten. The backlog is
 * what the arrivals leave behind; after the heal the running jobs finish at full speed and the
 * workers drain the queue at their spare capacity, about 20 jobs a second.
 */
export class ReactorJobQueue {
  /** Active stalls: how many times slower the workers progress. */
  readonly stalls = new EffectStack<number>();
  readonly #ctx: Pick<ReactorContext, "clock" | "random" | "metrics" | "log">;
  readonly #enqueueRate: number;
  readonly #workers: (RunningJob | undefined)[];
  #queued = 0;

  constructor(options: Pick<ReactorContext, "clock" | "random" | "metrics" | "log">) {
    this.#ctx = options;
    this.#enqueueRate = options.random.uniform(2.4, 2.6);
    this.#workers = new Array(options.random.int(40, 60)).fill(undefined);
  }

  /** Jobs waiting for a worker. */
  get depth(): number {
    return this.#queued;
  }

  /** One fleet second of the queue; `tick` counts the seconds, for the periodic warning. */
  tick(tick: number): void {
    const random = this.#ctx.random;
    const slowdown = this.stalls.max() ?? 1;
    const tickStart = this.#ctx.clock.now();
    this.#queued += random.poisson(this.#enqueueRate);
    for (let w = 0; w < this.#workers.length; w++) {
      // Each worker has one fleet second, in which it progresses 1/slowdown seconds of work.
      let at = 0;
      for (;;) {
        let job = this.#workers[w];
        if (job === undefined) {
          if (this.#queued === 0) break;
          this.#queued--;
          const work = Math.min(MAX_WORK_SECONDS, random.logNormal(1.5, 0.8));
          job = { remaining: work, startMs: tickStart + at * 1000 };
          this.#workers[w] = job;
        }
        const needed = job.remaining * slowdown;
        if (at + needed > 1) {
          job.remaining -= (1 - at) / slowdown;
          break;
        }
        at += needed;
        this.#workers[w] = undefined;
        this.#finish((tickStart + at * 1000 - job.startMs) / 1000);
      }
    }
    if (slowdown > 1 && tick % 30 === 0) {
      this.#ctx.log.warn("reactor_jobs", "job queue backlog growing", { depth: this.depth });
    }
  }

  // Counts one run as it ends, `seconds` after a worker took it.
  #finish(seconds: number): void {
    const failed = this.#ctx.random.chance(0.02);
    this.#ctx.metrics.jobsRuns.inc({ outcome: failed ? "failed" : "completed" });
    this.#ctx.metrics.jobsRunDuration.observe(seconds);
    if (failed) {
      this.#ctx.log.warn("reactor_jobs", "job run failed", {
        job_id: this.#ctx.random.int(100_000, 999_999),
        duration_ms: Math.round(seconds * 1000),
        error: "handler returned an error",
      });
    }
  }
}
