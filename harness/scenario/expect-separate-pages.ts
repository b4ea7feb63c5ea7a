import type { ExpectationSource, LabelMatch, SeparatePagesExpectation } from "./types.ts";

/** What expectSeparatePages builds: an expectation source of the separate-pages kind. */
export interface SeparatePagesSource extends ExpectationSource {
  toExpectation(): SeparatePagesExpectation;
}

/**
 * Instances of `alert` that differ in any of the `by` labels are paged in separate notifications:
 * no notification (one Alertmanager group's webhook call) carries two of them, and at least two
 * such instances were paged, so the drill shows it. `labels` narrows the instances that count.
 *
 * @example
 * expectSeparatePages("LatticeAtelierCandidatesBelowSlotRate", { by: ["lattice"] })
 */
export function expectSeparatePages(
  alert: string,
  options: { readonly by: readonly string[]; readonly labels?: LabelMatch },
): SeparatePagesSource {
  const expectation: SeparatePagesExpectation = {
    kind: "separate-pages",
    alert,
    labels: options.labels ?? {},
    by: options.by,
  };
  return { toExpectation: () => expectation };
}
