import { describe, expect, it } from "vitest";
import { alertmanagerTimeFlags, prometheusTimeFlags } from "./time-flags.ts";

describe("time flags", () => {
  it.each([
    {
      title: "divides Prometheus' time defaults by the speed",
      speed: 30,
      flags: [
        "--query.lookback-delta=10s",
        "--rules.alert.resend-delay=2s",
        "--rules.alert.for-grace-period=20s",
        "--rules.alert.for-outage-tolerance=2m",
        "--scrape.discovery-reload-interval=167ms",
      ],
    },
    {
      title: "gives Prometheus' defaults at speed 1",
      speed: 1,
      flags: [
        "--query.lookback-delta=5m",
        "--rules.alert.resend-delay=1m",
        "--rules.alert.for-grace-period=10m",
        "--rules.alert.for-outage-tolerance=1h",
        "--scrape.discovery-reload-interval=5000ms",
      ],
    },
  ])("$title", ({ speed, flags }) => {
    expect(prometheusTimeFlags(speed)).toEqual(flags);
  });

  it("divides Alertmanager's alert GC interval by the speed", () => {
    expect(alertmanagerTimeFlags(30)).toEqual(["--alerts.gc-interval=1m"]);
    expect(alertmanagerTimeFlags(1)).toEqual(["--alerts.gc-interval=30m"]);
  });

  it("refuses a speed that leaves no whole millisecond", () => {
    expect(() => prometheusTimeFlags(1_000_000)).toThrow(
      "Failed to scale Prometheus' --query.lookback-delta: 5m / 1000000 = 0.3ms, below the 1ms that Prometheus resolves. Run at speed 300000 or lower, or lengthen the duration.",
    );
  });
});
