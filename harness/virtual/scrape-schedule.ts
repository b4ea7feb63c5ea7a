import { parse } from "yaml";
import { parseDuration } from "../time/index.ts";

/**
 * When Prometheus' next scrape can come at the earliest, from the scrapes it made so far. Each
 * scrape loop ticks at its target's fixed phase, every scrape interval, and a restarted loop
 * keeps the phase (it is a hash of the target), so no target is scraped sooner than one
 * interval after its last scrape. Until that moment the fleet can run ahead while the
 * evaluator is busy with the last answer.
 */
export class ScrapeSchedule {
  readonly #interval = new Map<string, number>();
  readonly #last = new Map<string, number>();

  /** The schedule of the targets of a prometheus.yml (static_configs), in fleet seconds. */
  constructor(prometheusConfig: string) {
    const config = parse(prometheusConfig) as {
      global?: { scrape_interval?: string };
      scrape_configs?: {
        scrape_interval?: string;
        static_configs?: { targets?: string[] }[];
      }[];
    };
    const global = parseDuration(config.global?.scrape_interval ?? "1m") / 1000;
    for (const job of config.scrape_configs ?? []) {
      const interval =
        job.scrape_interval === undefined ? global : parseDuration(job.scrape_interval) / 1000;
      for (const sc of job.static_configs ?? [])
        for (const target of sc.targets ?? []) {
          const known = this.#interval.get(target);
          this.#interval.set(target, known === undefined ? interval : Math.min(known, interval));
        }
    }
  }

  /** Notes a scrape of `target` at fleet second `at`. */
  scraped(target: string, at: number): void {
    this.#last.set(target, at);
  }

  /** The earliest fleet second the next scrape can come at; undefined until every target was scraped. */
  earliestNext(): number | undefined {
    if (this.#interval.size === 0 || this.#last.size < this.#interval.size) return undefined;
    let earliest = Number.POSITIVE_INFINITY;
    for (const [target, interval] of this.#interval) {
      const last = this.#last.get(target);
      if (last === undefined) return undefined;
      earliest = Math.min(earliest, last + interval);
    }
    return earliest;
  }
}
