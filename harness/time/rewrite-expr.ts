import type { SyntaxNode, Tree } from "@lezer/common";
import { parser } from "@prometheus-io/lezer-promql";
import { InputError } from "../errors.ts";
import { assertSpeed } from "./assert-speed.ts";
import { formatDuration } from "./format-duration.ts";
import { parseDuration } from "./parse-duration.ts";
import { scaleMilliseconds } from "./scale-milliseconds.ts";
import { timeFunctions } from "./time-functions.ts";
import { WallClockRuleError } from "./wall-clock-rule-error.ts";

/** Where an expression comes from, for error messages. */
export interface ExprPlace {
  readonly file?: string;
  readonly group?: string;
  readonly rule?: string;
}

/**
 * Rewrites a PromQL expression written in fleet time for a stack running `speed` times faster:
 * durations divided by the speed, per-second functions divided by it too. Speed 1 returns the
 * expression unchanged. Throws InputError on syntax errors and on what cannot be scaled.
 * @example rewriteExpr('rate(x{status="error"}[5m]) > 0.05', 30) // '(rate(x{status="error"}[10s]) / 30) > 0.05'
 */
export function rewriteExpr(expr: string, speed: number, place: ExprPlace = {}): string {
  assertSpeed(speed);
  if (speed === 1) return expr;
  const tree = parser.parse(expr);
  checkSyntax(expr, tree, speed, place);
  return new Rewriter(expr, speed, place).render(tree.topNode);
}

// Names the rule for messages: `file: group "g", rule "r"`, or just "the expression".
function placeLabel(place: ExprPlace): string {
  const parts = [
    place.group === undefined ? undefined : `group "${place.group}"`,
    place.rule === undefined ? undefined : `rule "${place.rule}"`,
  ].filter((part) => part !== undefined);
  if (place.file === undefined) return parts.length > 0 ? parts.join(", ") : "the expression";
  return parts.length > 0 ? `${place.file}: ${parts.join(", ")}` : place.file;
}

// "line 1, column 5 of expr", 1-based, for an offset into the expression.
function position(expr: string, offset: number): string {
  const before = expr.slice(0, offset).split("\n");
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1} of expr`;
}

// Throws for the first error node lezer's recovery left in the tree.
function checkSyntax(expr: string, tree: Tree, speed: number, place: ExprPlace): void {
  let error: { from: number; to: number } | undefined;
  tree.iterate({
    enter(node) {
      if (error !== undefined) return false;
      if (node.type.isError) error = { from: node.from, to: node.to };
      return undefined;
    },
  });
  if (error === undefined) return;
  const head = `Failed to rewrite ${placeLabel(place)} for speed ${speed}`;
  if (expr.trim() === "") {
    throw new InputError(`${head}: expr is empty. Write a PromQL expression.`, {
      file: place.file,
    });
  }
  const before = tree.resolveInner(error.from, -1);
  if (expr[error.from] === "(" && before.type.name === "Identifier") {
    const name = expr.slice(before.from, before.to);
    const at = position(expr, before.from);
    if (name === "holt_winters") {
      throw new InputError(
        `${head}: holt_winters at ${at} is unknown to firedrill's PromQL parser, which follows Prometheus 3 where it is double_exponential_smoothing. Run this rule at speed 1, or use double_exponential_smoothing with a Prometheus that knows it.`,
        { file: place.file },
      );
    }
    throw new InputError(
      `${head}: unknown function "${name}" at ${at}. Use a PromQL function; \`promtool check rules\` gives Prometheus' own reading.`,
      { file: place.file },
    );
  }
  const near =
    expr.slice(error.from, error.to).trim() || expr.slice(error.from).trim().slice(0, 20);
  const context = near === "" ? "at the end of the expression" : `near "${near}"`;
  throw new InputError(
    `${head}: syntax error at ${position(expr, error.from)}, ${context}. Fix the expression; \`promtool check rules\` gives Prometheus' own reading.`,
    { file: place.file },
  );
}

// Renders a lezer tree back to text, replacing only what time scaling changes.
class Rewriter {
  constructor(
    private readonly expr: string,
    private readonly speed: number,
    private readonly place: ExprPlace,
  ) {}

  // Renders a node: the source between children verbatim, the children rewritten.
  render(node: SyntaxNode): string {
    switch (node.type.name) {
      case "StepInvariantExpr":
        return this.reject(
          node.getChild("At") ?? node,
          "the @ modifier",
          "pins evaluation to a wall-clock timestamp, which does not speed up with the fleet",
          "Run this rule at speed 1, or drop the @ modifier",
          WallClockRuleError,
        );
      case "DurationExpr":
      case "OffsetDurationExpr":
        return this.renderDuration(node);
      case "FunctionCall":
        return this.renderCall(node);
      default:
        return this.renderChildren(node, (child) => this.render(child));
    }
  }

  private renderChildren(
    node: SyntaxNode,
    each: (child: SyntaxNode, index: number) => string,
  ): string {
    let text = "";
    let at = node.from;
    let index = 0;
    for (let child = node.firstChild; child !== null; child = child.nextSibling) {
      text += this.expr.slice(at, child.from);
      text += child.type.name === "LineComment" ? this.text(child) : each(child, index++);
      at = child.to;
    }
    return text + this.expr.slice(at, node.to);
  }

  // Scales `[5m]`, `[30m:1m]` and `offset -1h`: only literals, signs and parentheses.
  private renderDuration(node: SyntaxNode): string {
    const literal = node.getChild("NumberDurationLiteralInDurationContext");
    const children: string[] = [];
    for (let child = node.firstChild; child !== null; child = child.nextSibling) {
      children.push(child.type.name);
    }
    const shape = children.join(" ");
    if (literal !== null && shape === "NumberDurationLiteralInDurationContext") {
      return this.scaleLiteral(literal);
    }
    if (shape === node.type.name || shape === `UnaryOp ${node.type.name}`) {
      return this.renderChildren(node, (child) => this.render(child));
    }
    return this.reject(
      node,
      `the duration expression "${this.text(node)}"`,
      "is computed, and firedrill scales only literal durations",
      "Write it as one literal duration such as 6m",
    );
  }

  // Divides one duration literal ("5m", or bare seconds "300") by the speed.
  private scaleLiteral(node: SyntaxNode): string {
    const text = this.text(node);
    const where = `${placeLabel(this.place)}, duration ${text} at ${position(this.expr, node.from)}`;
    const digits = text.replaceAll("_", "");
    const seconds = Number(digits);
    const raw = Number.isNaN(seconds) ? parseDuration(digits, where) : seconds * 1000;
    // 1.005 * 1000 is 1004.9999999999999 in floating point: that is still 1005ms.
    const ms = Math.abs(raw - Math.round(raw)) < 1e-6 ? Math.round(raw) : raw;
    if (!Number.isSafeInteger(ms) || ms < 0) {
      return this.reject(
        node,
        `the duration ${text}`,
        "is not a whole number of milliseconds",
        "Write it as a literal such as 500ms or 1m30s",
      );
    }
    return formatDuration(scaleMilliseconds(ms, this.speed, where));
  }

  private renderCall(node: SyntaxNode): string {
    const identifier = node.getChild("FunctionIdentifier");
    const kind = identifier?.firstChild
      ? timeFunctions[identifier.firstChild.type.name]
      : undefined;
    const name = identifier === null ? "" : this.text(identifier);
    switch (kind) {
      case "per-second":
        return `(${this.renderChildren(node, (child) => this.render(child))} / ${this.speed})`;
      case "seconds-argument":
        return this.renderChildren(node, (child) =>
          child.type.name !== "FunctionCallBody"
            ? this.render(child)
            : this.renderChildren(child, (arg, index) =>
                index === 1 ? this.scaleSeconds(arg) : this.render(arg),
              ),
        );
      case "wall-clock":
        return this.reject(
          node,
          `${name}()`,
          "returns wall-clock time, which does not speed up with the fleet",
          "Run this rule at speed 1, or write it without wall-clock time",
          WallClockRuleError,
        );
      default:
        return this.renderChildren(node, (child) => this.render(child));
    }
  }

  // Divides a number of fleet seconds (predict_linear's `t`) by the speed.
  private scaleSeconds(node: SyntaxNode): string {
    const text = this.text(node).replaceAll("_", "");
    const seconds = node.type.name === "NumberDurationLiteral" ? Number(text) : Number.NaN;
    if (Number.isFinite(seconds)) return String(seconds / this.speed);
    return `(${this.render(node)}) / ${this.speed}`;
  }

  private text(node: SyntaxNode): string {
    return this.expr.slice(node.from, node.to);
  }

  // Throws the InputError for something that cannot be run sped up.
  private reject(
    node: SyntaxNode,
    what: string,
    why: string,
    remedy: string,
    kind: typeof InputError = InputError,
  ): never {
    throw new kind(
      `Failed to rewrite ${placeLabel(this.place)} for speed ${this.speed}: ${what} at ${position(this.expr, node.from)} ${why}. ${remedy}.`,
      { file: this.place.file },
    );
  }
}
