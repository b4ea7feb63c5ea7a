import { CAPABILITIES, type Capability } from "./reactor-capabilities.ts";

/** Fleet seconds of latencies kept per capability for the p99 gauge. */
const WINDOW_SECONDS = 60;

/** Each capability's request latencies over the last minute, second by second, for its p99. */
export class ReactorLatencyWindow {
  readonly #recent = new Map<Capability, number[][]>();

  /** Adds one request's latency to the current second. */
  add(capability: Capability, seconds: number): void {
    this.#of(capability)[0]?.push(seconds);
  }

  /** Starts a new second, dropping the oldest past the window. */
  rotate(): void {
    for (const capability of CAPABILITIES) {
      const windows = this.#of(capability);
      windows.unshift([]);
      if (windows.length > WINDOW_SECONDS) windows.pop();
    }
  }

  /** The capability's p99 latency over the window (0 without requests). */
  p99(capability: Capability): number {
    const all = this.#of(capability)
      .flat()
      .sort((a, b) => a - b);
    return all[Math.min(all.length - 1, Math.floor(all.length * 0.99))] ?? 0;
  }

  // This second's latency lists of a capability, newest first.
  #of(capability: Capability): number[][] {
    let windows = this.#recent.get(capability);
    if (!windows) {
      windows = [[]];
      this.#recent.set(capability, windows);
    }
    return windows;
  }
}
