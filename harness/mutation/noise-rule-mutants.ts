import { isMap, isSeq, parseDocument } from "yaml";
import type { Mutant } from "./mutate-rule-file.ts";

/**
 * The noise-rule-added mutants of a system's rule file: each alerting rule of its noise file
 * (fixtures/<system>/noise-rules.yml: the alerts its document calls noise) appended, in turn, to
 * the rule file's first group. The drills that say the fleet's noise pages nobody must then fail
 * naming the added alert.
 */
export function noiseRuleMutants(ruleText: string, noiseText: string): Mutant[] {
  const noise = parseDocument(noiseText);
  const groups = noise.get("groups");
  if (!isSeq(groups)) return [];
  return groups.items.flatMap((group) => {
    const rules = isMap(group) ? group.get("rules") : undefined;
    if (!isSeq(rules)) return [];
    return rules.items.flatMap((rule) => {
      const alert = isMap(rule) ? rule.get("alert") : undefined;
      if (typeof alert !== "string") return [];
      const doc = parseDocument(ruleText);
      const target = doc.getIn(["groups", 0, "rules"]);
      if (!isSeq(target)) return [];
      target.items.push(doc.createNode((rule as { toJSON(): unknown }).toJSON()));
      return [
        {
          id: `${alert}/noise-rule-added`,
          alert,
          kind: "noise-rule-added" as const,
          change: `rule added: ${String((rule as { get(k: string): unknown }).get("expr"))}`,
          text: doc.toString(),
        },
      ];
    });
  });
}
