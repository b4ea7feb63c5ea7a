import { isMap, isScalar, isSeq, type YAMLMap } from "yaml";
import { InputError } from "../errors.ts";
import { parseYamlFile } from "../text/parse-yaml-file.ts";
import { assertSpeed, scaleDuration } from "../time/index.ts";

/** What renderAlertmanagerConfig needs. */
export interface AlertmanagerConfigOptions {
  readonly speed: number;
  /** The webhook sink's origin on loopback, e.g. "http://127.0.0.1:41234". */
  readonly webhookOrigin: string;
  /** The config's file name, for error messages. */
  readonly file: string;
}

/** The origin fixtures write webhook URLs on; the harness swaps in its sink. */
const placeholderOrigin = "http://webhook-sink.firedrill.invalid";
/** Alertmanager's root route defaults, in fleet time; made explicit so that they get scaled too. */
const rootDefaults = { group_wait: "30s", group_interval: "5m", repeat_interval: "4h" } as const;
const timings = Object.keys(rootDefaults);

/**
 * Renders an Alertmanager config for a run: every webhook URL on the placeholder origin
 * (http://webhook-sink.firedrill.invalid) moved to the webhook sink, and group_wait,
 * group_interval, repeat_interval (every route) and global resolve_timeout divided by the speed.
 * Refuses notifiers that would leave loopback, since a drill must not page anyone for real.
 * @example renderAlertmanagerConfig(text, { speed: 30, webhookOrigin: "http://127.0.0.1:41234", file })
 */
export function renderAlertmanagerConfig(
  yamlText: string,
  options: AlertmanagerConfigOptions,
): string {
  const { speed, file } = options;
  assertSpeed(speed);
  const origin = options.webhookOrigin.replace(/\/+$/, "");
  const doc = parseYamlFile(yamlText, file);
  const root = doc.contents;
  const route = isMap(root) ? root.get("route", true) : undefined;
  if (!isMap(root) || !isMap(route)) {
    throw new InputError(
      `Failed to read ${file}: it has no route. An Alertmanager config needs a top-level route with a receiver.`,
      { file },
    );
  }
  if (speed !== 1) {
    // Alertmanager's resolve_timeout default (5m) made explicit so that it is scaled too.
    if (!isMap(root.get("global", true))) doc.set("global", doc.createNode({}));
    const resolveTimeout = doc.getIn(["global", "resolve_timeout"]);
    const fleetResolveTimeout =
      resolveTimeout === undefined || resolveTimeout === null ? "5m" : String(resolveTimeout);
    doc.setIn(
      ["global", "resolve_timeout"],
      scaleDuration(fleetResolveTimeout, speed, `${file}: global.resolve_timeout`),
    );
    for (const [key, value] of Object.entries(rootDefaults)) {
      if (!route.has(key)) route.set(key, doc.createNode(value));
    }
    scaleRoute(route, speed, file, "route");
  }
  const receivers = root.get("receivers", true);
  for (const [index, receiver] of (isSeq(receivers) ? receivers.items : []).entries()) {
    if (isMap(receiver)) redirect(receiver, origin, file, `receivers[${index}]`);
  }
  doc.commentBefore = ` Rendered by firedrill from ${file} for speed ${speed}: webhooks to ${origin}, route timings divided by ${speed}.`;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

// Scales a route's timings and its children's, and refuses wall-clock time intervals.
function scaleRoute(route: YAMLMap, speed: number, file: string, where: string): void {
  for (const key of timings) scale(route, key, speed, `${file}: ${where}.${key}`);
  for (const key of ["mute_time_intervals", "active_time_intervals"]) {
    if (route.has(key)) {
      throw new InputError(
        `Failed to render ${file}: ${where}.${key} names times of day, which a run at speed ${speed} does not reach at the fleet's pace. Run at speed 1, or remove ${key} for the drill.`,
        { file },
      );
    }
  }
  const routes = route.get("routes", true);
  for (const [index, child] of (isSeq(routes) ? routes.items : []).entries()) {
    if (isMap(child)) scaleRoute(child, speed, file, `${where}.routes[${index}]`);
  }
}

// Divides a duration field in place when present.
function scale(map: YAMLMap, key: string, speed: number, where: string): void {
  const node = map.get(key, true);
  if (isScalar(node) && node.value !== null)
    node.value = scaleDuration(String(node.value), speed, where);
}

// Moves a receiver's webhooks to the sink; refuses anything that would notify off loopback.
function redirect(receiver: YAMLMap, origin: string, file: string, where: string): void {
  const name = receiver.get("name");
  const place = `${file}: ${where} (${String(name)})`;
  for (const pair of receiver.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (!key.endsWith("_configs") || key === "webhook_configs") continue;
    throw new InputError(
      `Failed to render ${place}: ${key} would notify outside this machine. Use webhook_configs with url ${placeholderOrigin}/receivers/${String(name)} for the drill.`,
      { file },
    );
  }
  const webhooks = receiver.get("webhook_configs", true);
  for (const [index, webhook] of (isSeq(webhooks) ? webhooks.items : []).entries()) {
    const url = isMap(webhook) ? webhook.get("url", true) : undefined;
    const text = isScalar(url) ? String(url.value) : "";
    if (isScalar(url) && text.startsWith(`${placeholderOrigin}/`)) {
      url.value = origin + text.slice(placeholderOrigin.length);
    } else if (!isLoopback(text)) {
      throw new InputError(
        `Failed to render ${place}: webhook_configs[${index}].url "${text}" is not on ${placeholderOrigin} nor loopback. Point it at ${placeholderOrigin}/receivers/${String(name)}.`,
        { file },
      );
    }
  }
}

// Whether a URL stays on this machine.
function isLoopback(text: string): boolean {
  try {
    const host = new URL(text).hostname;
    return host === "localhost" || host === "[::1]" || host.startsWith("127.");
  } catch {
    return false;
  }
}
