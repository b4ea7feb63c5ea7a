import { EnvFilterError } from "./errors.ts";

/** Log levels of Rust's `tracing`, most verbose first. */
export type LogLevel = "trace" | "debug" | "info" | "warn" | "error";

const SEVERITY: Record<LogLevel | "off", number> = {
  trace: 0,
  debug: 1,
  info: 2,
  warn: 3,
  error: 4,
  off: 5,
};

/** One parsed directive: `target[span]=level`; a missing target matches every target. */
interface Directive {
  readonly target: string | undefined;
  readonly span: string | undefined;
  readonly level: LogLevel | "off";
}

/** Parses one level name as tracing does (case-insensitive, `off` allowed). */
function parseLevel(text: string): LogLevel | "off" | undefined {
  const lower = text.trim().toLowerCase();
  return lower in SEVERITY ? (lower as LogLevel | "off") : undefined;
}

/** Parses one comma-separated directive, or throws naming it. */
function parseDirective(raw: string): Directive {
  const text = raw.trim();
  const invalid = (why: string) =>
    new EnvFilterError(
      `Failed to parse log filter directive "${text}": ${why}. Use the Rust EnvFilter form, e.g. "info,cosmictron_wal=trace".`,
      { directive: text },
    );
  const eq = text.lastIndexOf("=");
  // `target[span{field=value}]` may contain '=' inside the brackets; the level follows the last one.
  const bracketEnd = text.lastIndexOf("]");
  const hasLevel = eq > bracketEnd;
  const selector = hasLevel ? text.slice(0, eq) : text;
  const levelText = hasLevel ? text.slice(eq + 1) : undefined;

  if (levelText !== undefined) {
    const level = parseLevel(levelText);
    if (!level)
      throw invalid(
        `unknown level "${levelText}" (expected trace, debug, info, warn, error or off)`,
      );
    return { ...parseSelector(selector, invalid), level };
  }
  const bare = parseLevel(selector);
  if (bare) return { target: undefined, span: undefined, level: bare };
  return { ...parseSelector(selector, invalid), level: "trace" };
}

/** Splits `target[span{fields}]` into target and span name; field filters are accepted and ignored. */
function parseSelector(
  selector: string,
  invalid: (why: string) => EnvFilterError,
): { target: string | undefined; span: string | undefined } {
  const match = /^([A-Za-z0-9_:.-]*)(?:\[([A-Za-z0-9_ .:-]*)(?:\{[^}]*\})?\])?$/.exec(
    selector.trim(),
  );
  if (!match) throw invalid("expected target[span{field=value}]=level");
  const target = match[1] || undefined;
  const span = match[2]?.trim() || undefined;
  if (!target && match[2] === undefined) throw invalid("the directive is empty");
  return { target, span };
}

/**
 * The Rust `tracing` EnvFilter format used by COSMICTRON_LOG: comma-separated directives, each
 * `level`, `target` (all levels) or `target[span]=level`. The most specific directive (longest
 * matching target prefix, span-scoped before unscoped) decides; with no matching directive an
 * event is disabled; an empty filter means `error`, as in tracing.
 *
 * @example
 * const filter = EnvFilter.parse("debug,cosmictron_wal=trace");
 * filter.enabled("trace", "cosmictron_wal"); // true
 * filter.enabled("trace", "cosmictron_core"); // false
 */
export class EnvFilter {
  readonly source: string;
  readonly #directives: readonly Directive[];

  private constructor(source: string, directives: readonly Directive[]) {
    this.source = source;
    // Most specific first: span-scoped, then longer targets, then later directives.
    this.#directives = directives
      .map((d, i) => ({ d, i }))
      .sort(
        (x, y) =>
          Number(y.d.span !== undefined) - Number(x.d.span !== undefined) ||
          (y.d.target?.length ?? -1) - (x.d.target?.length ?? -1) ||
          y.i - x.i,
      )
      .map(({ d }) => d);
  }

  /** Parses a filter string; throws EnvFilterError on the first invalid directive. */
  static parse(source: string): EnvFilter {
    const parts = source
      .split(",")
      .map((p) => p.trim())
      .filter((p) => p.length > 0);
    const directives = parts.map(parseDirective);
    if (directives.length === 0)
      directives.push({ target: undefined, span: undefined, level: "error" });
    return new EnvFilter(source, directives);
  }

  /** Whether an event at `level` from `target` (inside span `span`, if any) is logged. */
  enabled(level: LogLevel, target: string, span?: string): boolean {
    for (const d of this.#directives) {
      if (d.span !== undefined && d.span !== span) continue;
      if (d.target !== undefined && !matchesTarget(d.target, target)) continue;
      return SEVERITY[level] >= SEVERITY[d.level];
    }
    return false;
  }
}

/** A directive target matches the target itself and its `::` submodules, as a prefix. */
function matchesTarget(directive: string, target: string): boolean {
  return target.startsWith(directive);
}
