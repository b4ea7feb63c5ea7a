import { afterEach } from "vitest";

/**
 * For tests: returns `defer(cleanup)`; after each test of the file or `describe` block it is
 * called in, what was deferred runs, newest first (a stack before the folder it writes to).
 *
 * @example
 * const defer = useCleanups();
 * const stack = await driver.start(spec);
 * defer(() => stack.stop());
 */
export function useCleanups(): (cleanup: () => Promise<unknown>) => void {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return (cleanup) => {
    cleanups.push(cleanup);
  };
}
