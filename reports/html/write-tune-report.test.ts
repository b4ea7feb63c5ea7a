import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tuneReportExample } from "./tune-report-example.ts";
import { renderTuneBody, tunePlotData, writeTuneReport } from "./write-tune-report.ts";

describe("the tune page", () => {
  it("plots each value's fault → page per drill against its budget, and its noise", () => {
    expect(tunePlotData(tuneReportExample())).toEqual({
      values: ["for 0s", "for 30s", "for 3m"],
      faultDrills: [
        { name: "no-leader", seconds: [49, 75, 233] },
        { name: "no-leader-just-over-for", seconds: [49, 75, null] },
      ],
      budget: [240, 240, 240],
      noiseFirings: [8, 0, 0],
      noisePages: [0, 0, 0],
    });
  });

  it("tables every value with the terminal's cells, marking the good one and naming the noisy drill", () => {
    const table = renderTuneBody(tuneReportExample()).split("</table>")[0]!;
    const rows = table
      .split("<tr")
      .slice(2)
      .map((r) =>
        r
          .replace(/<[^>]+>/g, " ")
          .replace(/\s+/g, " ")
          .trim(),
      );
    expect(rows).toEqual([
      'class="failed"> for 0s 49s 49s 8 / 0 (no-leader-blip-noise) noisy',
      'class="passed"> for 30s (as written) 1m15s 1m15s 0 / 0 good',
      'class="failed"> for 3m 3m53s missed 0 / 0 misses',
    ]);
  });

  it("writes one self-contained tune.html with the data its plots draw", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "firedrill-tune-html-"));
    const file = await writeTuneReport(dir, tuneReportExample());
    const html = await readFile(file, "utf8");
    await rm(dir, { recursive: true });
    expect(file.endsWith("/tune.html")).toBe(true);
    expect(html).toContain('data-tune-plot="latency"');
    expect(html).toContain('"noiseFirings":[8,0,0]');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="http/);
  });
});
