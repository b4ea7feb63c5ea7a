import { mkdtempSync, readFileSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadTools, toolsDir } from "../tools/tools.ts";
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

  // A git worktree's .tools is often a symlink to the main checkout's: reading the tools through
  // it must neither rebuild them nor rewrite the manifest with the link's paths (which sent the
  // main checkout's next run into setup again).
  it("finds the tools through a symlinked folder, without setup and without rewriting the manifest", {
    timeout: 1_800_000,
  }, async () => {
    await setup();
    const manifest = readFileSync(path.join(toolsDir, "manifest.json"), "utf8");
    const link = path.join(mkdtempSync(path.join(os.tmpdir(), "firedrill-tools-link-")), ".tools");
    symlinkSync(toolsDir, link);
    const events: string[] = [];
    const tools = await ensureTools({ dir: link, onProgress: (e) => events.push(e.state) });
    expect(events).toEqual([]);
    expect(tools.prometheus.path).toBe(
      path.join(link, path.relative(toolsDir, (await loadTools()).prometheus.path)),
    );
    expect(readFileSync(path.join(toolsDir, "manifest.json"), "utf8")).toBe(manifest);
    expect(JSON.parse(manifest).prometheus.path).not.toMatch(/^\//);
  });
});
