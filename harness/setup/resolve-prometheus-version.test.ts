import { describe, expect, it } from "vitest";
import { resolvePrometheusVersion } from "./resolve-prometheus-version.ts";

describe("resolvePrometheusVersion", () => {
  it("takes the default, a pinned version or its line", () => {
    expect(resolvePrometheusVersion(undefined)).toBe("3.16.0");
    expect(resolvePrometheusVersion("3.16.0")).toBe("3.16.0");
    expect(resolvePrometheusVersion("3.5.x")).toBe("3.5.1");
    expect(resolvePrometheusVersion("3.5")).toBe("3.5.1");
    expect(resolvePrometheusVersion("v3.5.1")).toBe("3.5.1");
  });

  it("refuses a version that is not pinned and lists the pinned ones", () => {
    expect(() => resolvePrometheusVersion("2.42.0")).toThrowErrorMatchingInlineSnapshot(
      `[InputError: Failed to choose a Prometheus version: --prometheus-version "2.42.0" is not pinned. Use one of 3.16.0, 3.5.1 (or its line, e.g. 3.16.x, 3.5.x); pins live in harness/setup/pins.ts.]`,
    );
    expect(() => resolvePrometheusVersion("3.5.0")).toThrow(/"3.5.0" is not pinned/);
  });
});
