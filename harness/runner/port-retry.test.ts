import { describe, expect, it } from "vitest";
import { PortBusyError, StartupError } from "../errors.ts";
import { withPortRetry } from "./port-retry.ts";

const race = () =>
  new StartupError(
    "Failed to start the cognitora sim host: it exited with code 2 after 753 ms. Its last output:\nFailed to listen on 127.0.0.1:41019: port 41019 is already in use.",
    { component: "sim-cognitora" },
  );

/** Runs withPortRetry on a start that throws `first` once, then succeeds; what it logged and returned. */
async function failOnceWith(first: Error) {
  const lines: string[] = [];
  let calls = 0;
  const result = await withPortRetry(
    "s",
    (l) => lines.push(l),
    undefined,
    async () => {
      calls++;
      if (calls === 1) throw first;
      return "ran";
    },
  );
  return { result, calls, lines };
}

describe("withPortRetry", () => {
  it("starts again on new ports when a chosen port was taken, and says so", async () => {
    const { result, calls, lines } = await failOnceWith(race());
    expect(result).toBe("ran");
    expect(calls).toBe(2);
    expect(lines[0]).toContain("[s] a port firedrill chose was taken before its process bound it");
  });

  it("starts again when the check before a launch finds a chosen port taken (a parallel scenario bound it)", async () => {
    const { result, calls, lines } = await failOnceWith(
      new PortBusyError(
        "Failed to use port 10768 on 127.0.0.1 for otelcol: another process listens on it.",
        { port: 10768 },
      ),
    );
    expect(result).toBe("ran");
    expect(calls).toBe(2);
    expect(lines).toEqual([
      "[s] a port firedrill chose was taken before its process bound it (Failed to use port 10768 on 127.0.0.1 for otelcol: another process listens on it.); starting again on new ports",
    ]);
  });

  it("gives up after three attempts, and never retries other errors or a user's fixed port", async () => {
    let calls = 0;
    const always = () => {
      calls++;
      return Promise.reject(race());
    };
    await expect(withPortRetry("s", () => {}, undefined, always)).rejects.toThrow("already in use");
    expect(calls).toBe(3);
    calls = 0;
    await expect(withPortRetry("s", () => {}, { prometheus: 9090 }, always)).rejects.toThrow();
    expect(calls).toBe(1);
    calls = 0;
    const other = () => {
      calls++;
      return Promise.reject(new StartupError("Prometheus exited", { component: "prometheus" }));
    };
    await expect(withPortRetry("s", () => {}, undefined, other)).rejects.toThrow("Prometheus");
    expect(calls).toBe(1);
  });

  it("starts a fleet too slow for its first scrapes again once, then gives up", async () => {
    const slow = () =>
      new StartupError(
        'Failed to scrape the fleet: Prometheus did not see all 7 targets of cognitora up within 30000 ms (6 of 7 up; http://127.0.0.1:27522/metrics: down Get "http://127.0.0.1:27522/metrics": context deadline exceeded).',
        { component: "prometheus" },
      );
    const lines: string[] = [];
    let calls = 0;
    await expect(
      withPortRetry(
        "s",
        (l) => lines.push(l),
        undefined,
        () => {
          calls++;
          return Promise.reject(slow());
        },
      ),
    ).rejects.toThrow("context deadline exceeded");
    expect(calls).toBe(2);
    expect(lines).toEqual([
      "[s] the fleet answered its first scrapes too slowly (Failed to scrape the fleet: Prometheus did not see all 7 targets of cognitora up within 30000 ms); starting it again once",
    ]);
  });
});
