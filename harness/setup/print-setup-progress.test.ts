import { describe, expect, it } from "vitest";
import { printSetupProgress } from "./print-setup-progress.ts";

describe("printSetupProgress", () => {
  it("prints one line per event: started, heartbeat, cached, done and notes", () => {
    const lines: string[] = [];
    const print = printSetupProgress({ write: (text) => lines.push(text) });
    print({
      state: "note",
      message: "apt lists lack prometheus=2.42.0+ds-5+deb12u1: running apt-get update",
    });
    print({ state: "cached", step: "prometheus", version: "2.42.0+ds", ms: 12 });
    print({
      state: "started",
      step: "otelcol",
      detail: "building the Collector (the first build takes minutes on two cores)",
    });
    print({ state: "working", step: "otelcol", elapsedMs: 60_200, detail: "Compiling" });
    print({ state: "done", step: "otelcol", version: "0.155.0", ms: 143_400 });
    print({ state: "done", step: "alertmanager", version: "0.25.0", ms: 1_234 });
    expect(lines.join("")).toBe(
      [
        "note: apt lists lack prometheus=2.42.0+ds-5+deb12u1: running apt-get update",
        "prometheus 2.42.0+ds … cached",
        "otelcol … building the Collector (the first build takes minutes on two cores)",
        "otelcol … still building, 60 s (Compiling)",
        "otelcol 0.155.0 … built in 143 s",
        "alertmanager 0.25.0 … unpacked in 1.2 s",
        "",
      ].join("\n"),
    );
  });
});
