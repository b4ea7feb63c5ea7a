import type { FaultParamSpec, FaultParamValue } from "./fault-param-spec.ts";

/**
 * What is wrong with a fault's raw params, for the caller to word: the sim's control API
 * (FaultParams.resolve) and the harness's scenario loader check params by the same rule.
 */
export type FaultParamProblem =
  | { readonly kind: "not-an-object"; readonly got: unknown }
  | { readonly kind: "unknown"; readonly param: string; readonly known: readonly string[] }
  | {
      readonly kind: "invalid";
      readonly param: string;
      /** What the spec accepts: "a number from 0 to 1", `one of "error", "timeout"`, ... */
      readonly expected: string;
      readonly got: unknown;
    };

/** Describes what a spec accepts, for error messages. */
function expected(spec: FaultParamSpec): string {
  if (spec.type === "string" && spec.values) {
    return `one of ${spec.values.map((v) => JSON.stringify(v)).join(", ")}`;
  }
  if (spec.type === "number") {
    if (spec.min !== undefined && spec.max !== undefined)
      return `a number from ${spec.min} to ${spec.max}`;
    if (spec.min !== undefined) return `a number >= ${spec.min}`;
    if (spec.max !== undefined) return `a number <= ${spec.max}`;
    return "a number";
  }
  return `a ${spec.type}`;
}

/** Whether a raw JSON value is acceptable for the spec. */
function valid(spec: FaultParamSpec, value: unknown): value is FaultParamValue {
  switch (spec.type) {
    case "number":
      return (
        typeof value === "number" &&
        Number.isFinite(value) &&
        (spec.min === undefined || value >= spec.min) &&
        (spec.max === undefined || value <= spec.max)
      );
    case "string":
      return typeof value === "string" && (!spec.values || spec.values.includes(value));
    case "boolean":
      return typeof value === "boolean";
  }
}

/**
 * The first problem of raw params against a fault's specs (an absent param takes its default),
 * or undefined when they are fine.
 *
 * @example
 * faultParamProblem(specs, { latencySeconds: 100 });
 * // { kind: "invalid", param: "latencySeconds", expected: "a number from 0.001 to 60", got: 100 }
 */
export function faultParamProblem(
  specs: readonly FaultParamSpec[],
  raw: unknown,
): FaultParamProblem | undefined {
  if (raw === undefined || raw === null) raw = {};
  if (typeof raw !== "object" || Array.isArray(raw)) return { kind: "not-an-object", got: raw };
  const given = raw as Record<string, unknown>;
  const known = specs.map((s) => s.name);
  const unknown = Object.keys(given).find((name) => !known.includes(name));
  if (unknown !== undefined) return { kind: "unknown", param: unknown, known };
  for (const spec of specs) {
    const value = given[spec.name] ?? spec.default;
    if (!valid(spec, value)) {
      return { kind: "invalid", param: spec.name, expected: expected(spec), got: value };
    }
  }
  return undefined;
}
