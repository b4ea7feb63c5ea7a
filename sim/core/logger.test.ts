import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { VirtualClock } from "./clock.ts";
import { EnvFilter } from "./env-filter.ts";
import { Logger } from "./logger.ts";

/** A logger writing into a buffer, for reading lines back. */
function capture(format: "json" | "pretty", filter = "info") {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on("data", (c: Buffer) => chunks.push(c.toString()));
  const clock = new VirtualClock(Date.UTC(2025, 0, 2, 3, 4, 5, 678));
  const logger = new Logger({
    clock,
    filter: EnvFilter.parse(filter),
    format,
    stream,
    node: "cosmictron-0",
  });
  return { logger, lines: () => chunks.join("").split("\n").filter(Boolean) };
}

describe("Logger", () => {
  it("writes tracing-subscriber JSON with fleet time, upper-case level, target, fields and span context", () => {
    const { logger, lines } = capture("json");
    logger.warn(
      "cosmictron_core",
      "reducer call failed",
      { module: "chat", tx_id: 7 },
      {
        name: "reducer send",
        traceId: "0af7651916cd43dd8448eb211c80319c",
        spanId: "b7ad6b7169203331",
      },
    );
    logger.info("cosmictron_wal", "WAL initialized");
    expect(lines().map((l) => JSON.parse(l))).toEqual([
      {
        timestamp: "2025-01-02T03:04:05.678Z",
        level: "WARN",
        fields: { message: "reducer call failed", module: "chat", tx_id: 7 },
        target: "cosmictron_core",
        span: { name: "reducer send" },
        trace_id: "0af7651916cd43dd8448eb211c80319c",
        span_id: "b7ad6b7169203331",
        node: "cosmictron-0",
      },
      {
        timestamp: "2025-01-02T03:04:05.678Z",
        level: "INFO",
        fields: { message: "WAL initialized" },
        target: "cosmictron_wal",
        node: "cosmictron-0",
      },
    ]);
  });

  it("drops events the filter disables", () => {
    const { logger, lines } = capture("json", "info,cosmictron_wal=trace");
    logger.debug("cosmictron_core", "hidden");
    logger.trace("cosmictron_wal", "shown");
    expect(lines().map((l) => JSON.parse(l).fields.message)).toEqual(["shown"]);
  });

  it("writes the human format in pretty mode", () => {
    const { logger, lines } = capture("pretty");
    logger.info("cosmictron_wal", "WAL segment rotated", { segment: 12 });
    expect(lines()).toEqual([
      "2025-01-02T03:04:05.678Z  INFO cosmictron-0: cosmictron_wal: WAL segment rotated segment=12",
    ]);
  });
});
