/** The JSON type of a fault parameter. */
export type FaultParamType = "number" | "string" | "boolean";

/** A value a fault parameter can take. */
export type FaultParamValue = number | string | boolean;

/** One typed, documented fault parameter with its default and bounds. */
export interface FaultParamSpec {
  readonly name: string;
  readonly type: FaultParamType;
  readonly default: FaultParamValue;
  readonly description: string;
  /** Numbers: inclusive lower bound. */
  readonly min?: number;
  /** Numbers: inclusive upper bound. */
  readonly max?: number;
  /** Strings: the allowed values. */
  readonly values?: readonly string[];
}
