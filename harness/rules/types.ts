/** One rule of a rule group, with where it was written. */
export interface RuleEntry {
  /** `alert` for an alerting rule, `record` for a recording rule. */
  readonly kind: "alert" | "record";
  /** The alert's or the recorded series' name. */
  readonly name: string;
  readonly expr: string;
  readonly for?: string;
  readonly keepFiringFor?: string;
  readonly labels: Readonly<Record<string, string>>;
  /** 1-based line of the rule's first key in the original file. */
  readonly line: number;
  /** 1-based line of the expr's first character in the original file. */
  readonly exprLine: number;
  /** Whether the expr is a block scalar (`expr: |`), whose lines follow the original's one for one. */
  readonly exprIsBlock: boolean;
}

/** One rule group, with where it was written. */
export interface RuleGroup {
  readonly name: string;
  readonly interval?: string;
  readonly line: number;
  readonly rules: readonly RuleEntry[];
}

/** Where a group list came from: a plain rule file, or a PrometheusRule object. */
export type RuleSourceKind = "rule file" | "PrometheusRule";

/**
 * One document of a rule file that holds rule groups: a plain Prometheus rule file or a
 * PrometheusRule's spec. `text` is a plain rule file with the same line numbers as the original
 * (lines outside the groups blanked), so promtool's line numbers need no mapping.
 */
export interface RuleSource {
  /** The file as the user named it. */
  readonly file: string;
  /** 0-based index of the YAML document in the file. */
  readonly document: number;
  /** How many documents the file has. */
  readonly documents: number;
  readonly kind: RuleSourceKind;
  /** A PrometheusRule's metadata.namespace/metadata.name. */
  readonly object?: string;
  readonly groups: readonly RuleGroup[];
  /** A plain Prometheus rule file, line for line with the original; the original's own text when it is one. */
  readonly text: string;
  /** Whether `text` is the original file's text unchanged. */
  readonly verbatim: boolean;
}

/** A document of a rule file that is a Kubernetes object of another kind, which is skipped. */
export interface SkippedDocument {
  readonly file: string;
  readonly document: number;
  readonly line: number;
  /** apiVersion/kind. */
  readonly kind: string;
  readonly object?: string;
}

/** What readRuleFiles read: the rule sources in file order, and the documents it skipped. */
export interface RuleFiles {
  readonly sources: readonly RuleSource[];
  readonly skipped: readonly SkippedDocument[];
}
