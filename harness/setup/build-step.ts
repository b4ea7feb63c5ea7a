/** How often a running build reports that it is still at work. */
const heartbeatMs = 10_000;

/** What every build step of setup takes (the Collector, Prometheus, Alertmanager). */
export interface BuildStep {
  readonly step: string;
  /** The `go` binary. */
  readonly go: string;
  /** Where the binaries end up (under .tools/). */
  readonly outputDir: string;
  readonly force?: boolean;
  readonly onStart?: (detail: string) => void;
  /** Called every 10 s while the build runs, with its latest phase. */
  readonly onHeartbeat?: (elapsedMs: number, phase: string | undefined) => void;
  /** Milliseconds clock, injectable for tests. */
  readonly now?: () => number;
}

/**
 * Runs a long build, calling onHeartbeat every 10 s with the latest phase the build reported
 * through the `phase` callback it is given.
 */
export async function withHeartbeat<T>(
  request: BuildStep,
  work: (phase: (text: string) => void) => Promise<T>,
): Promise<T> {
  const now = request.now ?? Date.now;
  const started = now();
  let latest: string | undefined;
  const timer = setInterval(() => request.onHeartbeat?.(now() - started, latest), heartbeatMs);
  try {
    return await work((text) => {
      latest = text;
    });
  } finally {
    clearInterval(timer);
  }
}
