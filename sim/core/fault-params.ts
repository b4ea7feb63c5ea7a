import { FaultRequestError } from "./errors.ts";
import { faultParamProblem } from "./fault-param-problem.ts";
import type { FaultParamSpec, FaultParamValue } from "./fault-param-spec.ts";

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
    const problem = faultParamProblem(specs, raw);
    if (problem?.kind === "not-an-object")
      fail(`params must be a JSON object, got ${JSON.stringify(problem.got)}`);
    if (problem?.kind === "unknown") {
      const { param, known } = problem;
      fail(
        `unknown param "${param}" (known: ${known.length ? known.map((k) => `"${k}"`).join(", ") : "none"})`,
      );
    }
    if (problem?.kind === "invalid") {
      fail(
        `param "${problem.param}" must be ${problem.expected}, got ${JSON.stringify(problem.got)}`,
      );
    }
    const given = (raw ?? {}) as Record<string, FaultParamValue | undefined>;
    const values: Record<string, FaultParamValue> = {};
    for (const spec of specs) values[spec.name] = given[spec.name] ?? spec.default;
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
