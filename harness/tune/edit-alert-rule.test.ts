import { describe, expect, it } from "vitest";
import { editAlertRule, readAlertRuleShape } from "./edit-alert-rule.ts";

const text = `groups:
  - name: storage
    rules:
      # The WAL's fsync p99.
      - alert: WalFsyncLatency
        expr: histogram_quantile(0.99, sum by (le, node) (rate(wal_fsync_seconds_bucket[5m]))) > 0.5 and on (node) up == 1
        for: 5m
        labels: { severity: warning }
      - alert: NoLeader
        expr: max(raft_is_leader) == 0
        for: 30s
`;

describe("editAlertRule", () => {
  it("moves the first threshold and the for of one alert, nothing else", () => {
    const edited = editAlertRule(text, "WalFsyncLatency", { threshold: 0.3, for: "2m" }, "r.yml");
    expect(edited).toBe(
      text.replace("[5m]))) > 0.5 and", "[5m]))) > 0.3 and").replace("for: 5m", "for: 2m"),
    );
    expect(readAlertRuleShape(edited, "WalFsyncLatency")).toEqual({
      threshold: {
        op: ">",
        value: 0.3,
        left: "histogram_quantile(0.99, sum by (le, node) (rate(wal_fsync_seconds_bucket[5m])))",
      },
      for: "2m",
    });
  });

  it("tunes the for of a rule without a threshold, and refuses to move a threshold it lacks", () => {
    expect(editAlertRule(text, "NoLeader", { for: "3m" }, "r.yml")).toBe(
      text.replace("for: 30s", "for: 3m"),
    );
    expect(readAlertRuleShape(text, "NoLeader")).toEqual({ for: "30s" });
    expect(() => editAlertRule(text, "NoLeader", { threshold: 1 }, "r.yml")).toThrow(
      "firedrill tune: NoLeader (r.yml) compares against no number (`max(raft_is_leader) == 0`): --threshold has nothing to move. Tune its --for instead.",
    );
  });
});
