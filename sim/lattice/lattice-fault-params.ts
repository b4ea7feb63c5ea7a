import type { Organism } from "./lattice-organisms.ts";

/** The `organism` param, limited to `values`. */
export function organismParam<const V extends readonly Organism[]>(values: V, fallback: V[number]) {
  return {
    type: "string",
    default: fallback,
    values,
    description: `The organism it hits: ${values.join(", ")}.`,
  } as const;
}

/** The `member` param: which member of the organism. */
export const MEMBER = {
  type: "number",
  default: 0,
  min: 0,
  max: 1_000,
  description: "Index of the member it hits (lattice0-<organism>-<member>).",
} as const;
