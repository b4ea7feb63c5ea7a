import { isMap, isScalar, isSeq, type YAMLMap } from "yaml";
import { InputError } from "../errors.ts";
import { parseYamlFile } from "../text/parse-yaml-file.ts";
import { assertSpeed } from "./assert-speed.ts";
import { rewriteExpr } from "./rewrite-expr.ts";
import { scaleDuration } from "./scale-duration.ts";
import { WallClockRuleError } from "./wall-clock-rule-error.ts";

/** What rewriteRuleFile needs: the speed, and the file's name for error messages. */
export interface RewriteRuleFileOptions {
  readonly speed: number;
  readonly file: string;
  /**
   * Called for each rule that reads wall-clock time (time(), timestamp(), @, ...) with the reason;
   * that rule is left out of the rewritten file and the rest drills sped up. Without it such a
   * rule refuses the whole file.
   */
  readonly onSpeedOneRule?: (message: string) => void;
}

/**
 * Rewrites a Prometheus rule file written in fleet time for a stack running `speed` times
 * faster: every expr through rewriteExpr, `for`, `keep_firing_for`, group `interval` and
 * `query_offset` divided by the speed. Comments and layout are kept; speed 1 returns the text
 * unchanged once its structure is checked.
 * @example rewriteRuleFile(text, { speed: 30, file: "fixtures/cosmictron/rules.yml" })
 */
export function rewriteRuleFile(yamlText: string, options: RewriteRuleFileOptions): string {
  const { speed, file } = options;
  assertSpeed(speed);
  const doc = parseYamlFile(yamlText, file);
  const groups = isMap(doc.contents) ? doc.contents.get("groups", true) : undefined;
  if (!isSeq(groups)) {
    throw new InputError(
      `Failed to read ${file}: it has no "groups" list. A Prometheus rule file is a map with groups: [{ name, rules }].`,
      { file },
    );
  }
  const leftOut: string[] = [];
  for (const [g, group] of groups.items.entries()) {
    if (!isMap(group)) {
      throw new InputError(
        `Failed to read ${file}: groups[${g}] is not a map. Give it a name and rules.`,
        { file },
      );
    }
    const name = text(group, "name") ?? `groups[${g}]`;
    const where = `${file}: group "${name}"`;
    scaleField(group, "interval", speed, `${where}, interval`);
    scaleField(group, "query_offset", speed, `${where}, query_offset`);
    const rules = group.get("rules", true);
    if (!isSeq(rules)) {
      throw new InputError(
        `Failed to read ${where}: it has no "rules" list. Add the group's rules under rules:.`,
        { file },
      );
    }
    const left: number[] = [];
    for (const [r, rule] of rules.items.entries()) {
      if (!isMap(rule)) {
        throw new InputError(
          `Failed to read ${where}: rules[${r}] is not a map. Give it alert or record, and expr.`,
          { file },
        );
      }
      const ruleName = text(rule, "alert") ?? text(rule, "record") ?? `rules[${r}]`;
      const expr = rule.get("expr", true);
      if (!isScalar(expr) || expr.value === null || String(expr.value).trim() === "") {
        throw new InputError(
          `Failed to read ${where}, rule "${ruleName}": it has no expr. Give every rule a PromQL expr.`,
          { file },
        );
      }
      try {
        expr.value = rewriteExpr(String(expr.value), speed, { file, group: name, rule: ruleName });
      } catch (error) {
        if (!(error instanceof WallClockRuleError) || !options.onSpeedOneRule) throw error;
        options.onSpeedOneRule(error.message);
        left.push(r);
        leftOut.push(`"${ruleName}"`);
        continue;
      }
      scaleField(rule, "for", speed, `${where}, rule "${ruleName}", for`);
      scaleField(rule, "keep_firing_for", speed, `${where}, rule "${ruleName}", keep_firing_for`);
    }
    for (const r of left.reverse()) rules.items.splice(r, 1);
  }
  if (speed === 1) return yamlText;
  const header = ` Rewritten by firedrill for speed ${speed} from ${file}: durations divided by ${speed}, rate/irate/deriv divided by ${speed}.${leftOut.length > 0 ? ` Left out, as they read wall-clock time (drill them at speed 1): ${leftOut.join(", ")}.` : ""} Do not edit.`;
  doc.commentBefore = doc.commentBefore ? `${header}\n${doc.commentBefore}` : header;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

// The string value of a map's scalar field, if it has one.
function text(map: YAMLMap, key: string): string | undefined {
  const node = map.get(key, true);
  return isScalar(node) && node.value !== null ? String(node.value) : undefined;
}

// Divides a duration field in place when it is present.
function scaleField(map: YAMLMap, key: string, speed: number, where: string): void {
  const node = map.get(key, true);
  if (isScalar(node) && node.value !== null)
    node.value = scaleDuration(String(node.value), speed, where);
}
