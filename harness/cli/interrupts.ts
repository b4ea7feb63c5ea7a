import { RunAborted } from "../runner/run-aborted.ts";

/**
 * Turns the first Ctrl-C (SIGINT) or SIGTERM into an abort, so a command stops what it started
 * and exits 130; a second one exits at once. `dispose` removes the handlers.
 */
export function interruptOnSignals(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    interrupts++;
    if (interrupts > 1) {
      process.stderr.write(
        `\n${signal} again: exiting now; \`firedrill cleanup\` removes leftovers.\n`,
      );
      process.exit(130);
    }
    process.stderr.write(`\n${signal}: stopping the stack and the fleet…\n`);
    controller.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    },
  };
}

/**
 * Runs a command body with Ctrl-C turned into an abort: a RunAborted from the body becomes
 * exit 130 once everything is stopped; the signal handlers are removed afterwards.
 */
export async function withInterrupts(
  body: (signal: AbortSignal) => Promise<number>,
): Promise<number> {
  const interrupts = interruptOnSignals();
  try {
    return await body(interrupts.signal);
  } catch (error) {
    if (error instanceof RunAborted) {
      process.stderr.write("interrupted: everything firedrill started has been stopped.\n");
      return 130;
    }
    throw error;
  } finally {
    interrupts.dispose();
  }
}
