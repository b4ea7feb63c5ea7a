import type { VirtualClock } from "../core/clock.ts";

/** Fleet ms between two scrapes, as the promtool drills record series (15 s). */
const SCRAPE_MS = 15_000;
const MINUTE = 60_000;

/**
 * Plays a drill's timeline in virtual time: from fleet minute 0 to `minutes`, one step per
 * scrape interval, running the action the timeline names for a whole minute when the step
 * reaches it, then `scrape` at every step (the first at minute 0).
 *
 * @example
 * await scrapeTimeline(clock, 36, { 10: () => faults.inject({ name: "x" }) }, () => record());
 */
export async function scrapeTimeline(
  clock: VirtualClock,
  minutes: number,
  timeline: Readonly<Record<number, () => Promise<unknown>>>,
  scrape: () => Promise<void> | void,
): Promise<void> {
  for (let t = 0; t <= minutes * MINUTE; t += SCRAPE_MS) {
    if (t > 0) clock.advance(SCRAPE_MS);
    await timeline[t / MINUTE]?.();
    await scrape();
  }
}
