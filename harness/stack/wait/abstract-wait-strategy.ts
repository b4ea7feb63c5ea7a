import { StartupError } from "../../errors.ts";
import { readLogTail } from "../read-log-tail.ts";
import { systemWaitClock, type WaitClock } from "./wait-clock.ts";
import type { WaitStrategy } from "./wait-strategy.ts";
import type { WaitTarget } from "./wait-target.ts";

/** The result of one readiness probe. */
export interface ProbeResult {
  readonly ready: boolean;
  /** What the probe saw when not ready ("HTTP 503", "ECONNREFUSED"), for the error message. */
  readonly observed?: string;
}

/** The polling loop shared by all strategies: probe, check the deadline, sleep, repeat. */
export abstract class AbstractWaitStrategy implements WaitStrategy {
  protected startupTimeoutMs = 60_000;
  protected pollIntervalMs = 100;
  protected clock: WaitClock = systemWaitClock;
  /** How many log lines a StartupError carries. */
  protected logTailLines = 20;

  withStartupTimeout(ms: number): this {
    this.startupTimeoutMs = ms;
    return this;
  }

  withPollInterval(ms: number): this {
    this.pollIntervalMs = ms;
    return this;
  }

  withClock(clock: WaitClock): this {
    this.clock = clock;
    return this;
  }

  /** What the strategy waits for, as a phrase: "GET http://…/-/ready answering 200". */
  protected abstract describe(): string;

  /** One readiness probe. */
  protected abstract probe(target: WaitTarget, signal?: AbortSignal): Promise<ProbeResult>;

  async waitUntilReady(target: WaitTarget, signal?: AbortSignal): Promise<void> {
    const started = this.clock.now();
    let observed: string | undefined;
    for (;;) {
      signal?.throwIfAborted();
      const exit = target.exitReason();
      if (exit) {
        throw await this.failure(
          target,
          `it ${exit} after ${seconds(this.clock.now() - started)}, while waiting for ${this.describe()}`,
          "Check its config and its log",
        );
      }
      const result = await this.probe(target, signal);
      if (result.ready) return;
      observed = result.observed ?? observed;
      const waited = this.clock.now() - started;
      if (waited >= this.startupTimeoutMs) {
        throw await this.failure(
          target,
          `waited ${seconds(waited)} for ${this.describe()}${observed ? ` (last: ${observed})` : ""}`,
          "Check its config and its log, or allow it more time",
        );
      }
      await this.clock.sleep(Math.min(this.pollIntervalMs, this.startupTimeoutMs - waited), signal);
    }
  }

  /** A StartupError with the component's last log lines. */
  private async failure(target: WaitTarget, cause: string, remedy: string): Promise<StartupError> {
    const logTail = await readLogTail(target.logFile, this.logTailLines);
    const shown = logTail === "" ? "(its log is empty)" : logTail;
    return new StartupError(
      `Failed to start ${target.component}: ${cause}. ${remedy} (${target.logFile}); its last log lines:\n${shown}`,
      { component: target.component, logTail },
    );
  }
}

/** "1.0 s", "30.0 s". */
function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
