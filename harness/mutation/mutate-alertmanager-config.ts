import { isMap, isSeq, parseDocument, type YAMLMap } from "yaml";
import { formatSeconds } from "../result/index.ts";
import { parseDuration } from "../time/index.ts";
import type { Mutant } from "./mutate-rule-file.ts";

/** Alertmanager's own default when no route up the tree sets group_wait. */
const DEFAULT_GROUP_WAIT = "30s";

/**
 * Every mutant of an Alertmanager config's routing tree: for each route that names a receiver,
 * its group_wait (its own or the one it inherits) eight times longer, and its receiver swapped
 * for the next one the config defines. A root route with child routes is left out: its receiver
 * is the fallback for alerts no child matches, and its group_wait reaches the alerts through
 * the children, whose own mutants break it. A mutant's `alert` is the receiver it breaks: a drill
 * kills it with a failure naming that receiver (a late page, a page delivered elsewhere).
 */
export function mutateAlertmanagerConfig(text: string): Mutant[] {
  const doc = parseDocument(text);
  const receivers = doc.get("receivers");
  const names = isSeq(receivers)
    ? receivers.items.flatMap((r) =>
        isMap(r) && typeof r.get("name") === "string" ? [String(r.get("name"))] : [],
      )
    : [];
  const mutants: Mutant[] = [];
  const seen = new Map<string, number>();
  const idFor = (receiver: string, kind: string) => {
    const key = `${receiver}/${kind}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return `route:${key}${n > 1 ? `#${n}` : ""}`;
  };
  const walk = (route: YAMLMap, at: (string | number)[], inheritedWait: string) => {
    const wait =
      typeof route.get("group_wait") === "string" ? String(route.get("group_wait")) : inheritedWait;
    const receiver = route.get("receiver");
    const children = route.get("routes");
    const fallback = at.length === 1 && isSeq(children) && children.items.length > 0;
    if (typeof receiver === "string" && !fallback) {
      // One mutant: the route's `field` set to `value`.
      const mutant = (
        kind: "group-wait-x8" | "receiver-swapped",
        field: string,
        from: string,
        to: string,
      ) => {
        const changed = doc.clone();
        changed.setIn([...at, field], to);
        mutants.push({
          id: idFor(receiver, kind),
          alert: receiver,
          kind,
          change: `route to ${receiver}: ${field} ${from} → ${to}`,
          text: changed.toString(),
        });
      };
      mutant("group-wait-x8", "group_wait", wait, formatSeconds((parseDuration(wait) / 1000) * 8));
      const other = names[(names.indexOf(receiver) + 1) % names.length];
      if (other !== undefined && other !== receiver)
        mutant("receiver-swapped", "receiver", receiver, other);
    }
    if (isSeq(children)) {
      children.items.forEach((child, i) => {
        if (isMap(child)) walk(child as YAMLMap, [...at, "routes", i], wait);
      });
    }
  };
  const root = doc.get("route");
  if (isMap(root)) walk(root as YAMLMap, ["route"], DEFAULT_GROUP_WAIT);
  return mutants;
}
