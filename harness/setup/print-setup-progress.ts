import type { SetupProgress, SetupStepName } from "./setup-progress.ts";

/** What a finished step did, per step. */
const doneVerb: Record<SetupStepName, string> = {
  prometheus: "built",
  alertmanager: "built",
  builder: "installed",
  otelcol: "built",
  evaluator: "built",
};

/**
 * Returns an onProgress handler for setup() that prints one line per event, e.g.
 * "prometheus 3.16.0 … cached", "otelcol … still building, 60 s", "otelcol 0.155.0 … built in 143 s".
 *
 * @example
 * await setup({ onProgress: printSetupProgress() });
 */
export function printSetupProgress(
  stream: { write(text: string): unknown } = process.stderr,
): (event: SetupProgress) => void {
  return (event) => {
    stream.write(`${line(event)}\n`);
  };
}

/** One terminal line for a progress event. */
function line(event: SetupProgress): string {
  switch (event.state) {
    case "started":
      return `${event.step} … ${event.detail}`;
    case "working":
      return `${event.step} … still ${event.step === "builder" ? "working" : "building"}, ${Math.round(event.elapsedMs / 1000)} s${event.detail ? ` (${event.detail})` : ""}`;
    case "cached":
      return `${event.step} ${event.version} … cached`;
    case "done":
      return `${event.step} ${event.version} … ${doneVerb[event.step]} in ${seconds(event.ms)}`;
    case "note":
      return `note: ${event.message}`;
  }
}

/** "0.4 s", "12 s", "143 s". */
function seconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}
