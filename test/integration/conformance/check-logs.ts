import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { COGNITORA_LOG_FIELDS } from "../../../sim/index.ts";

/** The documented fields of each system's JSON log lines (dotted paths into the line). */
const LOG_FIELDS: Record<string, string[]> = {
  cosmictron: ["timestamp", "level", "target", "fields.message"],
  cognitora: [...COGNITORA_LOG_FIELDS],
  reactor: ["timestamp", "level", "target", "fields.message"],
  lattice: ["timestamp", "level", "target"],
  dsfb: ["timestamp", "level", "target"],
};

export function checkLogs(logsDir: string): void {
  for (const [system, fields] of Object.entries(LOG_FIELDS)) {
    const lines = readFileSync(path.join(logsDir, `sim-${system}.log`), "utf8")
      .split("\n")
      .filter(Boolean);
    expect(lines.length, `${system} logged`).toBeGreaterThan(0);
    for (const line of lines) {
      const event = JSON.parse(line) as Record<string, unknown>;
      for (const field of fields) {
        const value = field
          .split(".")
          .reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], event);
        expect(value, `${system} log field ${field} in ${line.slice(0, 200)}`).toBeDefined();
      }
      expect(Number.isNaN(Date.parse(String(event.timestamp))), `${system} timestamp`).toBe(false);
    }
  }
}
