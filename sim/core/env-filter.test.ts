import { describe, expect, it } from "vitest";
import { EnvFilter } from "./env-filter.ts";
import { EnvFilterError } from "./errors.ts";

describe("EnvFilter", () => {
  it("applies a default level and per-target levels, most specific first", () => {
    const filter = EnvFilter.parse("debug,cosmictron_wal=trace,cosmictron_core::auth=warn");
    expect(filter.enabled("trace", "cosmictron_wal")).toBe(true);
    expect(filter.enabled("trace", "cosmictron_wal::segment")).toBe(true);
    expect(filter.enabled("debug", "cosmictron_core")).toBe(true);
    expect(filter.enabled("trace", "cosmictron_core")).toBe(false);
    expect(filter.enabled("info", "cosmictron_core::auth")).toBe(false);
    expect(filter.enabled("warn", "cosmictron_core::auth")).toBe(true);
  });

  it("disables targets no directive matches, as tracing does", () => {
    const filter = EnvFilter.parse("cosmictron_wal=info");
    expect(filter.enabled("info", "cosmictron_wal")).toBe(true);
    expect(filter.enabled("error", "cosmictron_core")).toBe(false);
  });

  it("treats an empty filter as error, a bare target as all levels, and off as nothing", () => {
    expect(EnvFilter.parse("").enabled("warn", "x")).toBe(false);
    expect(EnvFilter.parse("").enabled("error", "x")).toBe(true);
    expect(EnvFilter.parse("info,cosmictron_wal").enabled("trace", "cosmictron_wal")).toBe(true);
    expect(EnvFilter.parse("INFO,cosmictron_wal=OFF").enabled("error", "cosmictron_wal")).toBe(
      false,
    );
  });

  it("scopes span directives to events inside that span", () => {
    const filter = EnvFilter.parse("info,cosmictron_core[reducer send_message]=trace");
    expect(filter.enabled("trace", "cosmictron_core", "reducer send_message")).toBe(true);
    expect(filter.enabled("trace", "cosmictron_core", "query")).toBe(false);
    expect(filter.enabled("trace", "cosmictron_core")).toBe(false);
  });

  it("rejects an unknown level naming the directive", () => {
    expect(() => EnvFilter.parse("info,cosmictron_wal=loud")).toThrow(EnvFilterError);
    expect(() => EnvFilter.parse("info,cosmictron_wal=loud")).toThrowErrorMatchingInlineSnapshot(
      `[EnvFilterError: Failed to parse log filter directive "cosmictron_wal=loud": unknown level "loud" (expected trace, debug, info, warn, error or off). Use the Rust EnvFilter form, e.g. "info,cosmictron_wal=trace".]`,
    );
  });
});
