import { FaultRequestError } from "./errors.ts";
import type { FaultParamSpec, FaultParamValue } from "./fault-definition.ts";

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
 * A fault's validated params, defaults filled in, read back with typed getters.
 *
 * @example
 * const params = FaultParams.resolve("cosmictron.wal.fsync-stall", specs, { latencySeconds: 2 });
 * params.number("latencySeconds"); // 2
 */
export class FaultParams {
  readonly #values: Readonly<Record<string, FaultParamValue>>;

  private constructor(values: Record<string, FaultParamValue>) {
    this.#values = values;
  }

  /** Validates raw JSON params against the specs; throws FaultRequestError naming the param. */
  static resolve(fault: string, specs: readonly FaultParamSpec[], raw: unknown): FaultParams {
    const fail = (cause: string): never => {
      throw new FaultRequestError(
        `Failed to inject fault "${fault}": ${cause}. Fix the params and retry.`,
      );
    };
    if (raw === undefined || raw === null) raw = {};
    if (typeof raw !== "object" || Array.isArray(raw))
      fail(`params must be a JSON object, got ${JSON.stringify(raw)}`);
    const given = raw as Record<string, unknown>;
    const known = specs.map((s) => s.name);
    for (const name of Object.keys(given)) {
      if (!known.includes(name)) {
        fail(
          `unknown param "${name}" (known: ${known.length ? known.map((k) => `"${k}"`).join(", ") : "none"})`,
        );
      }
    }
    const values: Record<string, FaultParamValue> = {};
    for (const spec of specs) {
      const value = given[spec.name] ?? spec.default;
      if (!valid(spec, value)) {
        fail(`param "${spec.name}" must be ${expected(spec)}, got ${JSON.stringify(value)}`);
      }
      values[spec.name] = value as FaultParamValue;
    }
    return new FaultParams(values);
  }

  number(name: string): number {
    return this.#get(name, "number") as number;
  }

  string(name: string): string {
    return this.#get(name, "string") as string;
  }

  boolean(name: string): boolean {
    return this.#get(name, "boolean") as boolean;
  }

  toJSON(): Record<string, FaultParamValue> {
    return { ...this.#values };
  }

  // A wrong name or type here is a bug in a fault definition, not bad input.
  #get(name: string, type: string): FaultParamValue {
    const value = this.#values[name];
    if (typeof value !== type)
      throw new TypeError(`Fault param "${name}" is not a ${type}: ${String(value)}`);
    return value as FaultParamValue;
  }
}
