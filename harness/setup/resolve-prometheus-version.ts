import { InputError } from "../errors.ts";
import { pins } from "./pins.ts";

/**
 * Maps what a user asks for (`3.16.0`, `3.16`, `3.5.x`, `v3.5.1`) to a pinned Prometheus version;
 * undefined means the default. Throws InputError (exit 2) listing the pinned ones otherwise.
 */
export function resolvePrometheusVersion(asked: string | undefined): string {
  if (asked === undefined || asked === "") return pins.prometheus.default;
  const pinned = Object.keys(pins.prometheus.versions);
  const wanted = asked.trim().replace(/^v/, "");
  const line = /^(\d+)\.(\d+)(?:\.(?:x|\*))?$/.exec(wanted);
  const match = line
    ? pinned.find((version) => version.startsWith(`${line[1]}.${line[2]}.`))
    : pinned.find((version) => version === wanted);
  if (match) return match;
  throw new InputError(
    `Failed to choose a Prometheus version: --prometheus-version "${asked}" is not pinned. Use one of ${pinned.join(", ")} (or its line, e.g. ${pinned
      .map((version) => `${version.split(".").slice(0, 2).join(".")}.x`)
      .join(", ")}); pins live in harness/setup/pins.ts.`,
  );
}
