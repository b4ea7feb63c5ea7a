import { InputError } from "../errors.ts";

/** An Alertmanager config as YAML loads it: routes, receivers, inhibit rules, in snake_case. */
export type AlertmanagerConfigJson = Record<string, unknown>;

/** What one AlertmanagerConfig object adds to the Alertmanager config it is merged into. */
export interface ConvertedAlertmanagerConfig {
  /** namespace/name of the object. */
  readonly object: string;
  readonly namespace: string;
  /** Its top route, with the namespace matcher and `continue: true`. */
  readonly route: AlertmanagerConfigJson;
  readonly receivers: readonly AlertmanagerConfigJson[];
  readonly inhibitRules: readonly AlertmanagerConfigJson[];
}

type Json = Record<string, unknown>;

const ROUTE_FIELDS: Record<string, string> = {
  groupBy: "group_by",
  groupWait: "group_wait",
  groupInterval: "group_interval",
  repeatInterval: "repeat_interval",
  continue: "continue",
  muteTimeIntervals: "mute_time_intervals",
  activeTimeIntervals: "active_time_intervals",
};

/**
 * Converts an AlertmanagerConfig object (monitoring.coreos.com/v1alpha1, camelCase fields) to the
 * Alertmanager config it stands for, as the Prometheus Operator does with its default
 * `OnNamespace` matcher strategy: receiver (and time interval) names become
 * `<namespace>/<name>/<receiver>`, the top route gets a `namespace="<namespace>"` matcher and
 * `continue: true`, and both sides of every inhibit rule get the namespace matcher. `where` names
 * the file and document for errors.
 * @example convertAlertmanagerConfig(object, "alertmanager-config.yaml: document 2")
 */
export function convertAlertmanagerConfig(
  object: Json,
  where: string,
): ConvertedAlertmanagerConfig {
  const metadata = (object.metadata ?? {}) as Json;
  const name = metadata.name;
  if (typeof name !== "string" || name === "") {
    throw new InputError(
      `Failed to read ${where}: the AlertmanagerConfig has no metadata.name. Name it.`,
    );
  }
  // The operator uses the object's namespace; a render without one lands in "default".
  const namespace = typeof metadata.namespace === "string" ? metadata.namespace : "default";
  const prefix = `${namespace}/${name}/`;
  const spec = (object.spec ?? {}) as Json;
  const place = `${where} (AlertmanagerConfig ${namespace}/${name})`;
  if (typeof spec.route !== "object" || spec.route === null) {
    throw new InputError(
      `Failed to read ${place}: it has no spec.route. Give it a route with a receiver.`,
    );
  }
  const nsMatcher = `namespace="${namespace}"`;
  const top = convertRoute(spec.route as Json, prefix, `${place}: spec.route`);
  const route = {
    ...top,
    matchers: [nsMatcher, ...((top.matchers as string[]) ?? [])],
    continue: true,
  };
  const receivers = ((spec.receivers ?? []) as Json[]).map((receiver, i) =>
    convertReceiver(receiver, prefix, `${place}: spec.receivers[${i}]`),
  );
  const inhibitRules = ((spec.inhibitRules ?? []) as Json[]).map((rule) => ({
    source_matchers: [nsMatcher, ...matchers(rule.sourceMatch, `${place}: inhibitRules`)],
    target_matchers: [nsMatcher, ...matchers(rule.targetMatch, `${place}: inhibitRules`)],
    ...(Array.isArray(rule.equal) ? { equal: rule.equal } : {}),
  }));
  return { object: `${namespace}/${name}`, namespace, route, receivers, inhibitRules };
}

// One route and its children; names of receivers and time intervals get the object's prefix.
function convertRoute(route: Json, prefix: string, where: string): Json {
  const out: Json = {};
  if (typeof route.receiver === "string" && route.receiver !== "")
    out.receiver = prefix + route.receiver;
  for (const [from, to] of Object.entries(ROUTE_FIELDS)) {
    const value = route[from];
    if (value === undefined) continue;
    out[to] =
      to.endsWith("time_intervals") && Array.isArray(value)
        ? value.map((v) => prefix + String(v))
        : value;
  }
  if (route.matchers !== undefined) out.matchers = matchers(route.matchers, where);
  if (Array.isArray(route.routes)) {
    out.routes = route.routes.map((child, i) =>
      convertRoute(child as Json, prefix, `${where}.routes[${i}]`),
    );
  }
  return out;
}

// v1alpha1 matchers ({ name, value, matchType } or the older { regex: true }) as Alertmanager's strings.
function matchers(list: unknown, where: string): string[] {
  if (list === undefined) return [];
  if (!Array.isArray(list))
    throw new InputError(
      `Failed to read ${where}: matchers is not a list. Write [{ name, value, matchType }].`,
    );
  return list.map((m: Json) => {
    if (typeof m?.name !== "string") {
      throw new InputError(
        `Failed to read ${where}: a matcher has no name. Write { name, value, matchType }.`,
      );
    }
    const type = typeof m.matchType === "string" ? m.matchType : m.regex === true ? "=~" : "=";
    if (!["=", "!=", "=~", "!~"].includes(type)) {
      throw new InputError(
        `Failed to read ${where}: matchType "${type}" of matcher ${m.name}. Use =, !=, =~ or !~.`,
      );
    }
    return `${m.name}${type}${JSON.stringify(String(m.value ?? ""))}`;
  });
}

// A receiver with its integrations; webhookConfigs field by field, others renamed to snake_case.
function convertReceiver(receiver: Json, prefix: string, where: string): Json {
  if (typeof receiver.name !== "string")
    throw new InputError(`Failed to read ${where}: the receiver has no name. Name it.`);
  const out: Json = { name: prefix + receiver.name };
  for (const [key, value] of Object.entries(receiver)) {
    if (key === "name") continue;
    if (key !== "webhookConfigs") {
      // Other notifiers keep their fields; the renderer refuses them, as they would leave loopback.
      out[key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] = value;
      continue;
    }
    out.webhook_configs = (value as Json[]).map((hook, i) => {
      if (typeof hook.url !== "string") {
        throw new InputError(
          `Failed to read ${where}.webhookConfigs[${i}]: it has no url (a urlSecret is a Kubernetes Secret firedrill cannot read). Write the url, on http://webhook-sink.firedrill.invalid/receivers/<name>.`,
        );
      }
      return {
        url: hook.url,
        ...(hook.sendResolved !== undefined ? { send_resolved: hook.sendResolved } : {}),
        ...(hook.maxAlerts !== undefined ? { max_alerts: hook.maxAlerts } : {}),
      };
    });
  }
  return out;
}
