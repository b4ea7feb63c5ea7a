import { writeFile } from "node:fs/promises";
import path from "node:path";
import { checkRules, testRules } from "../config/index.ts";
import { rewriteRuleFile, scalePromtoolTest } from "../time/index.ts";

/** What expectSameVerdictSpedUp drills. */
export interface SameVerdictDrill {
  /** The rule file's text (fleet time), written as `<name>.yml`. */
  readonly rules: string;
  /** The 1x promtool test over a rule file at this path. */
  readonly test: (ruleFile: string) => string;
  readonly name: string;
  /** promtool's feature flags (`promql-extended-range-selectors`). */
  readonly features?: readonly string[];
  /** Also `promtool check rules` the rule file as written and as rewritten. */
  readonly checkRules?: boolean;
}

/**
 * For tests: promtool passes the 1x test on the rules as written, and the test compressed for
 * 30x on the rules rewritten for 30x (each failure is thrown with promtool's output). The files
 * go to `dir`; `promtool` is the binary.
 */
export async function expectSameVerdictSpedUp(
  dir: string,
  promtool: string,
  options: SameVerdictDrill,
): Promise<void> {
  const { rules, test, name, features = [] } = options;
  const original = path.join(dir, `${name}.yml`);
  await writeFile(original, rules);
  if (options.checkRules) await checkRules(original, promtool);
  const plain = path.join(dir, "plain.test.yml");
  await writeFile(plain, test(original));
  await testRules(plain, promtool, features);
  const rewritten = path.join(dir, `${name}-30x.yml`);
  await writeFile(rewritten, rewriteRuleFile(rules, { speed: 30, file: original }));
  if (options.checkRules) await checkRules(rewritten, promtool);
  const scaled = path.join(dir, "scaled.test.yml");
  const compressed = scalePromtoolTest(test(original), {
    speed: 30,
    file: plain,
    ruleFiles: [rewritten],
  });
  await writeFile(scaled, compressed);
  await testRules(scaled, promtool, features);
}
