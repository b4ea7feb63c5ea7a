import { isMap, isScalar, isSeq, LineCounter, type Node, stringify, type YAMLMap } from "yaml";
import { InputError } from "../errors.ts";
import { parseYamlStream } from "../text/parse-yaml-stream.ts";
import type { RuleEntry, RuleFiles, RuleGroup, RuleSource, SkippedDocument } from "./types.ts";

const REMEDY = "Pass a Prometheus rule file with --rules";

/**
 * Reads the rule groups of one rule file's text: a plain Prometheus rule file, or one or more
 * PrometheusRule objects (`monitoring.coreos.com/v1`, `spec.groups`) in a multi-document stream
 * as Helm or kustomize render them. Other Kubernetes objects in the stream are skipped (and
 * listed); a document that is neither is an InputError naming the file, the document and its line.
 * @example readRuleText(await readFile(file, "utf8"), file).sources[0].groups
 */
export function readRuleText(text: string, file: string): RuleFiles {
  const lines = new LineCounter();
  const docs = parseYamlStream(text, file, lines);
  const lineOf = (offset: number) => lines.linePos(offset).line;
  const sources: RuleSource[] = [];
  const skipped: SkippedDocument[] = [];
  for (const [index, doc] of docs.entries()) {
    const root = doc.contents;
    const docLine = lineOf(root?.range[0] ?? 0);
    const where = `document ${index + 1} of ${docs.length} (line ${docLine})`;
    if (root === null && docs.length > 1) continue;
    const kind = isMap(root) ? scalar(root, "kind") : undefined;
    const apiVersion = isMap(root) ? scalar(root, "apiVersion") : undefined;
    const object = isMap(root) ? objectName(root) : undefined;
    const base = { file, document: index, documents: docs.length };
    if (isMap(root) && root.has("groups") && kind === undefined) {
      const groupsPair = root.items.find((p) => isScalar(p.key) && p.key.value === "groups");
      const groups = readGroups(root.get("groups", true) as Node, file, lineOf);
      const verbatim = docs.length === 1;
      sources.push({
        ...base,
        kind: "rule file",
        groups,
        verbatim,
        text: verbatim ? text : extract(text, groupsPair, lineOf, root.toJSON()),
      });
    } else if (kind === "PrometheusRule" && apiVersion?.startsWith("monitoring.coreos.com/")) {
      const spec = root && isMap(root) ? root.get("spec", true) : undefined;
      const groupsNode = isMap(spec) ? spec.get("groups", true) : undefined;
      if (!isMap(spec) || !isSeq(groupsNode)) {
        throw new InputError(
          `Failed to read rule file ${file}: ${where}, PrometheusRule ${object ?? ""}: it has no \`spec.groups:\` list. Give the PrometheusRule its rule groups under spec.groups.`,
          { file },
        );
      }
      const groupsPair = spec.items.find((p) => isScalar(p.key) && p.key.value === "groups");
      sources.push({
        ...base,
        kind: "PrometheusRule",
        ...(object ? { object } : {}),
        groups: readGroups(groupsNode, file, lineOf),
        verbatim: false,
        text: extract(text, groupsPair, lineOf, {
          groups: (spec.toJSON() as { groups: unknown }).groups,
        }),
      });
    } else if (kind !== undefined && apiVersion !== undefined) {
      skipped.push({
        ...base,
        line: docLine,
        kind: `${apiVersion}/${kind}`,
        ...(object ? { object } : {}),
      });
    } else if (docs.length <= 1) {
      throw new InputError(
        `Failed to read rule file ${file}: it has no \`groups:\` list. ${REMEDY}.`,
        {
          file,
        },
      );
    } else {
      throw new InputError(
        `Failed to read rule file ${file}: ${where} is neither a rule file (a map with groups:) nor a Kubernetes object (apiVersion and kind). ${REMEDY}, or PrometheusRule objects.`,
        { file },
      );
    }
  }
  if (sources.length === 0 && skipped.length === 0) {
    throw new InputError(
      `Failed to read rule file ${file}: it has no \`groups:\` list. ${REMEDY}.`,
      {
        file,
      },
    );
  }
  return { sources, skipped };
}

// A scalar field's text.
function scalar(map: YAMLMap, key: string): string | undefined {
  const node = map.get(key, true);
  return isScalar(node) && node.value !== null ? String(node.value) : undefined;
}

// metadata.namespace/metadata.name of a Kubernetes object.
function objectName(root: YAMLMap): string | undefined {
  const metadata = root.get("metadata", true);
  if (!isMap(metadata)) return undefined;
  const name = scalar(metadata, "name");
  const namespace = scalar(metadata, "namespace");
  return name === undefined ? undefined : namespace ? `${namespace}/${name}` : name;
}

// The groups of a rule file, with their lines; refuses what Prometheus would not load.
function readGroups(
  node: Node | undefined,
  file: string,
  lineOf: (o: number) => number,
): RuleGroup[] {
  const at = (n: Node | undefined | null) => `${file}:${lineOf(n?.range?.[0] ?? 0)}`;
  if (!isSeq(node)) {
    throw new InputError(`Failed to read ${at(node)}: groups is not a list. ${REMEDY}.`, { file });
  }
  return node.items.map((group, g) => {
    if (!isMap(group)) {
      throw new InputError(
        `Failed to read ${at(group as Node)}: groups[${g}] is not a map. Give it a name and rules.`,
        { file },
      );
    }
    const name = scalar(group, "name") ?? `groups[${g}]`;
    const rulesNode = group.get("rules", true);
    const rules = isSeq(rulesNode) ? rulesNode.items : [];
    const interval = scalar(group, "interval");
    return {
      name,
      line: lineOf(group.range?.[0] ?? 0),
      ...(interval ? { interval } : {}),
      rules: rules.map((rule, r): RuleEntry => {
        const place = `${at(rule as Node)}: group "${name}", rules[${r}]`;
        if (!isMap(rule))
          throw new InputError(
            `Failed to read ${place}: it is not a map. Give it alert or record, and expr.`,
            { file },
          );
        const alert = scalar(rule, "alert");
        const record = scalar(rule, "record");
        const ruleName = alert ?? record;
        if (ruleName === undefined) {
          throw new InputError(
            `Failed to read ${place}: it has neither alert nor record. Name every rule with alert: or record:.`,
            { file },
          );
        }
        const expr = rule.get("expr", true);
        if (!isScalar(expr) || expr.value === null || String(expr.value).trim() === "") {
          throw new InputError(
            `Failed to read ${place} ("${ruleName}"): it has no expr. Give every rule a PromQL expr.`,
            { file },
          );
        }
        const isBlock = expr.type === "BLOCK_LITERAL";
        const labelsNode = rule.get("labels", true);
        const labels: Record<string, string> = {};
        for (const pair of isMap(labelsNode) ? labelsNode.items : []) {
          if (isScalar(pair.key) && isScalar(pair.value))
            labels[String(pair.key.value)] = String(pair.value.value);
        }
        const forText = scalar(rule, "for");
        const keepFiringFor = scalar(rule, "keep_firing_for");
        return {
          kind: alert !== undefined ? "alert" : "record",
          name: ruleName,
          expr: String(expr.value),
          ...(forText ? { for: forText } : {}),
          ...(keepFiringFor ? { keepFiringFor } : {}),
          labels,
          line: lineOf(rule.range?.[0] ?? 0),
          exprLine: lineOf(expr.range?.[0] ?? 0) + (isBlock ? 1 : 0),
          exprIsBlock: isBlock,
        };
      }),
    };
  });
}

/**
 * A plain rule file holding only the `groups:` pair, on the same lines as in the original: lines
 * before it blank, its own lines dedented to column 0. A flow-style spec cannot be cut out line
 * for line; it is written anew, starting on the original's line.
 */
function extract(
  text: string,
  pair: { key: unknown; value: unknown } | undefined,
  lineOf: (o: number) => number,
  fallback: unknown,
): string {
  const key = pair?.key as Node | undefined;
  const value = pair?.value as Node | undefined;
  const start = key?.range?.[0];
  const end = value?.range?.[1];
  const all = text.split("\n");
  if (start === undefined || end === undefined) return stringify(fallback);
  const startLine = lineOf(start);
  const endLine = lineOf(start + text.slice(start, end).trimEnd().length);
  const indent = start - text.lastIndexOf("\n", start - 1) - 1;
  const out: string[] = [];
  for (let n = 1; n <= endLine; n++) {
    const line = all[n - 1] ?? "";
    if (n < startLine) out.push("");
    else if (line.slice(0, indent).trim() === "") out.push(line.slice(indent));
    else if (line.trim() === "" || line.trim().startsWith("#")) out.push("");
    else return `${"\n".repeat(startLine - 1)}${stringify(fallback)}`;
  }
  return `${out.join("\n")}\n`;
}
