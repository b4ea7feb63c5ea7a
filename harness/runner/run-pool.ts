/**
 * Runs `work` over `items`, `jobs` at a time, in order. The first error aborts the signal the
 * other workers got (they stop taking items) and is rethrown once every worker has stopped; an
 * abort of `parent` (Ctrl-C) reaches them too.
 */
export async function runPool<T>(
  items: readonly T[],
  jobs: number,
  work: (item: T, signal: AbortSignal) => Promise<void>,
  parent?: AbortSignal,
): Promise<void> {
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  if (parent?.aborted) controller.abort();
  parent?.addEventListener("abort", onAbort, { once: true });
  const queue = [...items];
  let firstError: unknown;
  let failed = false;
  try {
    const workers = Array.from({ length: Math.max(1, Math.min(jobs, queue.length)) }, async () => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        if (controller.signal.aborted) return;
        try {
          await work(next, controller.signal);
        } catch (error) {
          if (!failed) {
            failed = true;
            firstError = error;
          }
          controller.abort();
          return;
        }
      }
    });
    await Promise.all(workers);
  } finally {
    parent?.removeEventListener("abort", onAbort);
  }
  if (failed) throw firstError;
}
