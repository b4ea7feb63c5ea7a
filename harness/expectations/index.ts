/** harness/expectations: one file per expectation kind behind a registry keyed by kind. */
export type {
  CoverageClaim,
  ExpectationCheck,
  ExpectationJudging,
  ExpectationKind,
} from "./expectation-kind.ts";
export { expectationKind, expectationKindNames } from "./expectation-kinds.ts";
