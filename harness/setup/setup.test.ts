import { describe, expect, it } from "vitest";
import { loadTools } from "../tools/tools.ts";
import { ensureTools } from "./ensure-tools.ts";
import { printSetupProgress } from "./print-setup-progress.ts";
import { setup } from "./setup.ts";

describe("setup", () => {
  it("provisions every tool once; a second run finds all cached in under a second", {
    timeout: 1_800_000,
  }, async () => {
    // The first run may fetch and build (minutes on a cold machine); later runs are cache hits.
    const first = await setup();
    expect(await loadTools()).toEqual(first.tools);

    const lines: string[] = [];
    const started = performance.now();
    const second = await setup({
      onProgress: printSetupProgress({ write: (text) => lines.push(text) }),
    });
    const ms = performance.now() - started;

    expect(ms).toBeLessThan(1_000);
    expect(second.steps.map((step) => `${step.step}:${step.state}`)).toEqual([
      "prometheus:cached",
      "alertmanager:cached",
      "builder:cached",
      "otelcol:cached",
      "evaluator:cached",
    ]);
    expect(lines.join("")).toBe(
      [
        `prometheus ${second.tools.prometheus.version} … cached`,
        `alertmanager ${second.tools.alertmanager.version} … cached`,
        "builder v0.155.0 … cached",
        `otelcol ${second.tools.otelcol.version} … cached`,
        "evaluator virtual time (go.mod pins) … cached",
        "",
      ].join("\n"),
    );
    expect(second.tools).toEqual(first.tools);
    expect(second.tools.prometheus.version).toBe("3.16.0");
    expect(second.tools.promtool.version).toBe("3.16.0");
    expect(second.tools.alertmanager.version).toBe("0.35.0");
    expect(second.tools.amtool.version).toBe("0.35.0");
    expect(second.tools.otelcol.version).toBe("0.155.0");
    expect(await ensureTools()).toEqual(second.tools);
  });
});
