import { PortBusyError, StartupError } from "../errors.ts";

/**
 * A port firedrill chose was taken by someone else before its process could bind it: the
 * process said so, or the check just before its launch found the port busy (another scenario
 * of the same suite bound it in between; withPortRetry never retries a port the user fixed).
 */
export function isPortRace(error: unknown): boolean {
  if (error instanceof PortBusyError) return true;
  return (
    error instanceof StartupError && /already in use/i.test(`${error.message}\n${error.logTail}`)
  );
}

/** The fleet answered its first scrapes slower than the sped-up scrape timeout: a busy machine. */
export function isSlowFirstScrape(error: unknown): boolean {
  return (
    error instanceof StartupError &&
    error.message.startsWith("Failed to scrape the fleet") &&
    /context deadline exceeded/.test(error.message)
  );
}

/**
 * Runs a scenario; if it could not start because a port firedrill chose was taken in the moment
 * before its process bound it (another program on the machine), starts it again on new ports,
 * up to three times. Ports the user fixed are never retried: that is their busy port. A fleet
 * too slow for its first scrapes (a machine busy with other work) is started again once.
 */
export async function withPortRetry<T>(
  scenario: string,
  log: (line: string) => void,
  fixedPorts: Readonly<Record<string, number | undefined>> | undefined,
  start: () => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (error) {
      const fixed = fixedPorts && Object.keys(fixedPorts).length > 0;
      if (isSlowFirstScrape(error) && attempt === 1) {
        log(
          `[${scenario}] the fleet answered its first scrapes too slowly (${(error as Error).message.split(" (")[0]}); starting it again once`,
        );
        continue;
      }
      if (fixed || attempt >= 3 || !isPortRace(error)) throw error;
      log(
        `[${scenario}] a port firedrill chose was taken before its process bound it (${(error as Error).message.split("\n")[0]}); starting again on new ports`,
      );
    }
  }
}
