import { describe, expect, it } from "vitest";
import { printSetupProgress } from "./print-setup-progress.ts";

describe("printSetupProgress", () => {
  it("prints one line per event: started, heartbeat, cached, done and notes", () => {
    const lines: string[] = [];
    const print = printSetupProgress({ write: (text) => lines.push(text) });
    print({ state: "note", message: "waiting for another setup (pid 42) to finish" });
    print({ state: "cached", step: "prometheus", version: "3.16.0", ms: 12 });
    print({
      state: "started",
      step: "otelcol",
      detail: "building the Collector (the first build takes minutes on two cores)",
    });
    print({ state: "working", step: "otelcol", elapsedMs: 60_200, detail: "Compiling" });
    print({ state: "done", step: "otelcol", version: "0.155.0", ms: 143_400 });
    print({
      state: "working",
      step: "alertmanager",
      elapsedMs: 10_000,
      detail: "github.com/miekg/dns",
    });
    print({ state: "done", step: "alertmanager", version: "0.35.0", ms: 113_400 });
    expect(lines.join("")).toBe(
      [
        "note: waiting for another setup (pid 42) to finish",
        "prometheus 3.16.0 … cached",
        "otelcol … building the Collector (the first build takes minutes on two cores)",
        "otelcol … still building, 60 s (Compiling)",
        "otelcol 0.155.0 … built in 143 s",
        "alertmanager … still building, 10 s (github.com/miekg/dns)",
        "alertmanager 0.35.0 … built in 113 s",
        "",
      ].join("\n"),
    );
  });
});
