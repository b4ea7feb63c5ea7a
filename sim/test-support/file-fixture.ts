import { afterAll, beforeAll } from "vitest";

/**
 * How long starting or closing a fixture may take: a fleet's start runs a minute or two of fleet
 * time, a test's worth of work, so it gets the unit project's test timeout rather than the 10 s
 * hook default (several split files start their fleets at once on a busy machine).
 */
const HOOK_TIMEOUT_MS = 30_000;

/**
 * Starts a fixture before the tests of a file and closes it after them, for a fleet that a
 * file's tests share (and move through fleet time in order); the returned getter reads it.
 *
 * @example
 * const fleet = fileFixture(() => CognitoraTestFleet.start());
 * it("scrapes", async () => { await fleet().scrape("cgn-agent-0"); });
 */
export function fileFixture<T extends { close(): Promise<void> }>(
  start: () => Promise<T>,
): () => T {
  let fixture: T | undefined;
  beforeAll(async () => {
    fixture = await start();
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => {
    await fixture?.close();
  }, HOOK_TIMEOUT_MS);
  return () => {
    if (!fixture) throw new Error("The file's fixture did not start: see the beforeAll error.");
    return fixture;
  };
}
