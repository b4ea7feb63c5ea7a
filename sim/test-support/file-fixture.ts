import { afterAll, beforeAll } from "vitest";

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
  });
  afterAll(async () => {
    await fixture?.close();
  });
  return () => {
    if (!fixture) throw new Error("The file's fixture did not start: see the beforeAll error.");
    return fixture;
  };
}
