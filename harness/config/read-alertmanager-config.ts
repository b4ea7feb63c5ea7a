import { isMap, stringify } from "yaml";
import { InputError } from "../errors.ts";
import { parseYamlStream } from "../text/parse-yaml-stream.ts";
import { convertAlertmanagerConfig } from "./convert-alertmanager-config.ts";

/** An Alertmanager config ready to render, and what firedrill did to get it. */
export interface AlertmanagerConfigInput {
  /** A plain Alertmanager config, in fleet time. */
  readonly text: string;
  /** One line per AlertmanagerConfig object merged or document skipped; empty for a plain config. */
  readonly applied: readonly string[];
}

type Json = Record<string, unknown>;

// The config the Prometheus Operator starts from when the Alertmanager has no config of its own.
const OPERATOR_DEFAULT = { route: { receiver: "null" }, receivers: [{ name: "null" }] };

/**
 * Reads `--alertmanager-config`: a plain Alertmanager config as it is, or a YAML stream with
 * AlertmanagerConfig objects (monitoring.coreos.com/v1alpha1) and at most one plain config, merged
 * as the Prometheus Operator merges them (convertAlertmanagerConfig; their routes go first under
 * the top route, in namespace/name order). Without a plain config the operator's default, one
 * `"null"` receiver, is the base. Other Kubernetes objects are skipped and said so.
 * @example readAlertmanagerConfig(await readFile(file, "utf8"), file).applied
 */
export function readAlertmanagerConfig(yamlText: string, file: string): AlertmanagerConfigInput {
  const docs = parseYamlStream(yamlText, file);
  let base: Json | undefined;
  const objects: { object: Json; where: string }[] = [];
  const applied: string[] = [];
  for (const [index, doc] of docs.entries()) {
    if (doc.contents === null && docs.length > 1) continue;
    const where = `${file}: document ${index + 1} of ${docs.length}`;
    const json = (isMap(doc.contents) ? doc.toJSON() : undefined) as Json | undefined;
    const kind = json?.kind;
    const apiVersion = json?.apiVersion;
    if (json && kind === undefined && json.route !== undefined) {
      if (base)
        throw new InputError(
          `Failed to read ${where}: a second Alertmanager config. Keep one, and AlertmanagerConfig objects beside it.`,
          { file },
        );
      base = json;
    } else if (kind === "AlertmanagerConfig" && apiVersion === "monitoring.coreos.com/v1alpha1") {
      objects.push({ object: json as Json, where });
    } else if (kind === "AlertmanagerConfig") {
      throw new InputError(
        `Failed to read ${where}: AlertmanagerConfig ${String(apiVersion)} is not read by firedrill. Write it as monitoring.coreos.com/v1alpha1.`,
        { file },
      );
    } else if (typeof kind === "string" && typeof apiVersion === "string") {
      applied.push(
        `skipped document ${index + 1} (${apiVersion}/${kind}): not an Alertmanager config`,
      );
    } else if (docs.length <= 1) {
      throw new InputError(
        `Failed to read ${file}: it has no route. An Alertmanager config needs a top-level route with a receiver.`,
        { file },
      );
    } else {
      throw new InputError(
        `Failed to read ${where}: it is neither an Alertmanager config (a map with route:) nor a Kubernetes object (apiVersion and kind). Pass an Alertmanager config or AlertmanagerConfig objects with --alertmanager-config.`,
        { file },
      );
    }
  }
  if (objects.length === 0 && applied.length === 0 && base) return { text: yamlText, applied: [] };
  if (objects.length === 0 && !base) {
    throw new InputError(
      `Failed to read ${file}: it has neither an Alertmanager config nor an AlertmanagerConfig object. Pass one with --alertmanager-config.`,
      { file },
    );
  }
  const merged: Json = structuredClone(base ?? OPERATOR_DEFAULT);
  if (!base)
    applied.push(
      'no plain Alertmanager config: the Prometheus Operator\'s default (route and receiver "null") is the base',
    );
  const converted = objects
    .map(({ object, where }) => convertAlertmanagerConfig(object, where))
    .sort((a, b) => a.object.localeCompare(b.object));
  const route = (merged.route ?? {}) as Json;
  route.routes = [...converted.map((c) => c.route), ...((route.routes as unknown[]) ?? [])];
  merged.route = route;
  merged.receivers = [
    ...((merged.receivers as unknown[]) ?? []),
    ...converted.flatMap((c) => c.receivers),
  ];
  const inhibit = converted.flatMap((c) => c.inhibitRules);
  if (inhibit.length > 0)
    merged.inhibit_rules = [...((merged.inhibit_rules as unknown[]) ?? []), ...inhibit];
  for (const c of converted) {
    applied.push(
      `AlertmanagerConfig ${c.object} merged as the Prometheus Operator does: receivers renamed ${c.object}/<name>, its route first under the top route with matcher namespace="${c.namespace}" and continue: true${c.inhibitRules.length > 0 ? ", the namespace matcher on both sides of its inhibit rules" : ""}`,
    );
  }
  const header = `# Converted by firedrill from ${file}:\n${applied.map((line) => `# - ${line}`).join("\n")}\n`;
  return { text: header + stringify(merged, { lineWidth: 0 }), applied };
}
