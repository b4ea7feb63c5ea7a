import { describe, expect, it } from "vitest";
import { faultOutcome, noiseOutcome as noise } from "../../reports/html/tune-report-example.ts";
import type { TuneReport } from "../result/index.ts";
import { renderTune } from "./render-tune.ts";

const fault = (delivered: number | null) => faultOutcome("wal-fsync-stall", delivered, 375);

describe("renderTune", () => {
  it("prints a row per value: latency per fault drill, noise firings and pages, verdict", () => {
    const report: TuneReport = {
      alert: "WalFsyncLatency",
      ruleFile: "rules.yml",
      asWritten: { threshold: { op: ">", value: 0.5, left: "p99" }, for: "5m" },
      faultDrills: ["wal-fsync-stall"],
      noiseDrills: ["slow-fsync-noise", "baseline"],
      time: "virtual",
      versions: {},
      wallSeconds: 10,
      rows: [
        {
          candidate: { threshold: 0.1, for: "5m", asWritten: false },
          drills: [fault(330), noise("slow-fsync-noise", 2, 2), noise("baseline", 0, 0)],
          catchesEveryFault: true,
          noisePages: 2,
          noiseFirings: 2,
          verdict: "noisy",
        },
        {
          candidate: { threshold: 0.3, for: "5m", asWritten: false },
          drills: [fault(335), noise("slow-fsync-noise", 3, 0), noise("baseline", 0, 0)],
          catchesEveryFault: true,
          noisePages: 0,
          noiseFirings: 3,
          verdict: "noisy",
        },
        {
          candidate: { threshold: 0.5, for: "5m", asWritten: true },
          drills: [fault(345), noise("slow-fsync-noise", 0, 0), noise("baseline", 0, 0)],
          catchesEveryFault: true,
          noisePages: 0,
          noiseFirings: 0,
          verdict: "good",
        },
        {
          candidate: { threshold: 5, for: "5m", asWritten: false },
          drills: [fault(null), noise("slow-fsync-noise", 0, 0), noise("baseline", 0, 0)],
          catchesEveryFault: false,
          noisePages: 0,
          noiseFirings: 0,
          verdict: "misses",
        },
      ],
    };
    expect(renderTune(report)).toBe(
      [
        "WalFsyncLatency (rules.yml): p99 > X, as written > 0.5, for 5m",
        "fault drills: fault → page in fleet time (budget 6m15s); noise drills: 2 (slow-fsync-noise, baseline)",
        "",
        "value                               wal-fsync-stall  noise: fired / paged      verdict",
        "threshold 0.1, for 5m               5m30s            2 / 2 (slow-fsync-noise)  noisy",
        "threshold 0.3, for 5m               5m35s            3 / 0 (slow-fsync-noise)  noisy",
        "threshold 0.5, for 5m (as written)  5m45s            0 / 0                     ✓ good",
        "threshold 5, for 5m                 missed           0 / 0                     misses",
        "",
        "catch every fault within budget and never fire on noise: threshold 0.5, for 5m",
      ].join("\n"),
    );
  });
});
