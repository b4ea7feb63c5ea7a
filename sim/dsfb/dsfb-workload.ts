import type { Clock } from "../core/clock.ts";
import { EffectStack } from "../core/effect-stack.ts";
import type { Logger } from "../core/logger.ts";
import type { SeededRandom } from "../core/seeded-random.ts";
import { type Every, TimedWork } from "../core/timed-work.ts";
import { MOTIF_CLASSES, type MotifClass } from "./motif-class.ts";
import { MotifEngine } from "./motif-engine.ts";
import { type ResidualSample, StreamingIngestor } from "./streaming-ingestor.ts";

/** The reorder window of the streaming ingestor, fleet ms. */
export const REORDER_WINDOW_MS = 5_000;
/** Residual samples per motif class per fleet second. */
const SAMPLES_PER_SECOND = 4;
/** Normal arrival jitter: log-normal around 200 ms, capped well inside the window. */
const JITTER_MEDIAN_MS = 200;
const JITTER_CAP_MS = 3_500;
/** Mean fleet seconds between excursions of one residual class (each becomes an episode). */
const EXCURSION_EVERY_S = 40;
/** Envelope of a class, in units of its noise level. */
const ENVELOPE_SIGMAS = 3;
/** Fleet ms between two "samples dropped" log lines. */
const DROP_LOG_EVERY_MS = 10_000;

/** An out-of-window fault: a share of samples arrives `lagMs` late. */
export interface LatePlan {
  readonly share: number;
  readonly lagMs: number;
}

/** One residual class's noise and its current or next excursion. */
interface Channel {
  readonly sigma: number;
  excursion: { startMs: number; endMs: number; amplitude: number } | undefined;
  nextExcursionMs: number;
}

/**
 * One DSFB exporter's seeded workload, one tick per fleet second: each residual class emits
 * SAMPLES_PER_SECOND samples of seeded noise plus occasional excursions (which the motif engine
 * turns into episodes); each sample reaches the streaming ingestor after a jittered delay, or
 * `lagMs` late while an out-of-window fault holds. Same seed, same stream.
 */
export class DsfbWorkload extends TimedWork {
  /** Active out-of-window faults. */
  readonly latePlans = new EffectStack<LatePlan>();
  readonly engine: MotifEngine;
  readonly ingestor: StreamingIngestor;
  readonly #clock: Clock;
  readonly #random: SeededRandom;
  readonly #log: Logger;
  readonly #channels: ReadonlyMap<MotifClass, Channel>;
  /** Samples on their way to the ingestor, with their arrival time. */
  #inFlight: { arrival: number; sample: ResidualSample }[] = [];
  #seq = 0;
  #lastTick: number | undefined;
  #dropsLogged = 0;
  #lastDropLog = Number.NEGATIVE_INFINITY;

  constructor(options: { clock: Clock; random: SeededRandom; logger: Logger }) {
    super(options.clock);
    this.#clock = options.clock;
    this.#random = options.random;
    this.#log = options.logger;
    const now = this.#clock.now();
    const channels = new Map<MotifClass, Channel>();
    for (const motif of MOTIF_CLASSES) {
      channels.set(motif, {
        sigma: this.#random.uniform(0.5, 2),
        excursion: undefined,
        nextExcursionMs: now + this.#exponentialMs(),
      });
    }
    this.#channels = channels;
    const envelopes = Object.fromEntries(
      MOTIF_CLASSES.map((m) => [m, ENVELOPE_SIGMAS * (channels.get(m) as Channel).sigma]),
    ) as Record<MotifClass, number>;
    this.engine = new MotifEngine({
      envelopes,
      onClose: (e) => {
        this.#log.debug("dsfb_database::grammar", "episode closed", {
          motif: e.motif,
          peak: +e.peak.toFixed(4),
          trust_sum: e.trustSum,
          duration_ms: e.endMs - e.startMs,
        });
        if (e.trustSum < 0.99 || e.trustSum > 1.01) {
          this.#log.warn("dsfb_database::grammar", "trust-sum outside [0.99, 1.01]", {
            motif: e.motif,
            trust_sum: e.trustSum,
          });
        }
      },
    });
    this.ingestor = new StreamingIngestor({
      windowMs: REORDER_WINDOW_MS,
      onFlush: (sample) => this.engine.observe(sample),
    });
  }

  /** Boots (or, after a crash, reboots) the process: after a restart every counter is zero. */
  protected boot(restarted: boolean): void {
    if (restarted) {
      this.engine.reset();
      this.ingestor.reset();
      this.#inFlight = [];
    }
    this.#log.info("dsfb_database::streaming", "DSFB exporter starting", {
      version: "0.1.1",
      reorder_window_ms: REORDER_WINDOW_MS,
      motifs: MOTIF_CLASSES.length,
    });
  }

  /** The tick, counted from now (after start, or after a hang). */
  protected schedule(every: Every): void {
    this.#lastTick = this.#clock.now();
    every(1_000, () => this.tick());
  }

  /** Forgets samples in flight, as a crash does. */
  protected override forget(): void {
    this.#inFlight = [];
  }

  /** Emits the samples of the last fleet second and delivers every sample that has arrived. */
  tick(): void {
    const now = this.#clock.now();
    const from = Math.max(this.#lastTick ?? now - 1_000, now - 1_000);
    this.#lastTick = now;
    const late = this.latePlans.latest();
    for (const [motif, channel] of this.#channels) {
      for (let k = 0; k < SAMPLES_PER_SECOND; k++) {
        const t = Math.round(
          from + ((k + this.#random.next()) * (now - from)) / SAMPLES_PER_SECOND,
        );
        const value = this.#residual(channel, t);
        const lagged = late !== undefined && this.#random.chance(late.share);
        const delay = lagged
          ? late.lagMs
          : Math.min(JITTER_CAP_MS, this.#random.logNormal(JITTER_MEDIAN_MS, 0.7));
        this.#inFlight.push({
          arrival: t + delay,
          sample: { seq: this.#seq++, t, motif, value },
        });
      }
    }
    this.#deliver(now);
  }

  // Hands every arrived sample to the ingestor in arrival order; logs drops now and then.
  #deliver(now: number): void {
    this.#inFlight.sort((a, b) => a.arrival - b.arrival || a.sample.seq - b.sample.seq);
    let count = 0;
    while (count < this.#inFlight.length && (this.#inFlight[count]?.arrival ?? 0) <= now) count++;
    const arrived = this.#inFlight.splice(0, count);
    for (const { sample } of arrived) this.ingestor.push(sample);
    const dropped = this.ingestor.counters().droppedOutOfWindow;
    if (dropped > this.#dropsLogged && now - this.#lastDropLog >= DROP_LOG_EVERY_MS) {
      this.#log.warn("dsfb_database::streaming", "residual samples dropped out of window", {
        dropped: dropped - this.#dropsLogged,
        dropped_total: dropped,
        reorder_window_ms: REORDER_WINDOW_MS,
        frontier_ms: this.ingestor.frontier,
      });
      this.#dropsLogged = dropped;
      this.#lastDropLog = now;
    } else if (dropped < this.#dropsLogged) {
      this.#dropsLogged = dropped;
    }
  }

  // Noise around zero plus the shape of any excursion covering t.
  #residual(channel: Channel, t: number): number {
    if (!channel.excursion && t >= channel.nextExcursionMs) {
      const length = this.#random.uniform(4_000, 15_000);
      channel.excursion = {
        startMs: t,
        endMs: t + length,
        amplitude: channel.sigma * this.#random.uniform(4, 9) * (this.#random.chance(0.5) ? 1 : -1),
      };
      channel.nextExcursionMs = t + length + this.#exponentialMs();
    }
    let value = channel.sigma * this.#random.normal();
    const ex = channel.excursion;
    if (ex) {
      if (t >= ex.endMs) channel.excursion = undefined;
      else if (t >= ex.startMs) {
        value += ex.amplitude * Math.sin((Math.PI * (t - ex.startMs)) / (ex.endMs - ex.startMs));
      }
    }
    return value;
  }

  // Fleet ms until the next excursion of a class.
  #exponentialMs(): number {
    return -Math.log(1 - this.#random.next()) * EXCURSION_EVERY_S * 1_000;
  }
}
