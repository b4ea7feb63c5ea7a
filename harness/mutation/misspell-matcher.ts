import type { LabelMatcherPart } from "./find-expr-parts.ts";

/**
 * A matcher's value as a typo would leave it, so that it selects nothing it selected before:
 * `"cosmictron"` → `"cosmictron-typo"`, a regex `"5.."` → `"(5..)-typo"` (grouped, so that no
 * alternative of `a|b` still matches). Quotes are kept as written.
 */
export function misspellMatcher(matcher: Pick<LabelMatcherPart, "op" | "value">): string {
  const quoted = matcher.value.text;
  const open = quoted[0] ?? '"';
  const inner = quoted.slice(1, -1);
  const typo = matcher.op === "=~" ? `(${inner})-typo` : `${inner}-typo`;
  return `${open}${typo}${open}`;
}
