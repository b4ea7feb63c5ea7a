import { isMap, isScalar, isSeq, parseDocument, type YAMLMap } from "yaml";
import { formatSeconds } from "../result/index.ts";
import { parseDuration } from "../time/index.ts";
import { findExprParts } from "./find-expr-parts.ts";
import { misspellMatcher } from "./misspell-matcher.ts";
import type { Mutant } from "./mutate-rule-file.ts";
import type { MutationKind } from "./mutation-kind.ts";

/** Alertmanager's own defaults when no route up the tree sets the timing. */
const DEFAULT_TIMING = { group_wait: "30s", group_interval: "5m", repeat_interval: "4h" };
type Timing = typeof DEFAULT_TIMING;

/**
 * A route matcher (`severity=~"critical|page"`, Alertmanager's PromQL-like syntax, or an
 * unquoted `severity=critical`) with its value misspelled; undefined for `!=` and `!~`, which
 * exclude rather than select.
 */
function misspellRouteMatcher(matcher: string): string | undefined {
  const [parsed] = findExprParts(`{${matcher}}`).matchers;
  if (parsed) return `${matcher.slice(0, parsed.value.from - 1)}${misspellMatcher(parsed)}`;
  const plain = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(=~|=)\s*([^"'`]*?)\s*$/.exec(matcher);
  if (!plain) return undefined;
  const [, label, op, value] = plain;
  return `${label}${op}${misspellMatcher({ op: op!, value: { from: 0, to: 0, text: `"${value}"` } })}`;
}

/**
 * Every mutant of an Alertmanager config's routing tree: for each route that names a receiver,
 * its group_wait (its own or the one it inherits) eight times longer, and its receiver swapped
 * for the next one the config defines, its repeat_interval cut to a fifth of its group_interval
 * (the same page again at every flush: a duplicate page), and each of its matchers' values in turn misspelled
 * (misspellMatcher: `severity=~"critical|page"` → `severity=~"(critical|page)-typo"`). A root route with child routes is left out: its receiver
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
  const walk = (route: YAMLMap, at: (string | number)[], inherited: Timing) => {
    const own = (field: keyof Timing) =>
      typeof route.get(field) === "string" ? String(route.get(field)) : inherited[field];
    const timing = {
      group_wait: own("group_wait"),
      group_interval: own("group_interval"),
      repeat_interval: own("repeat_interval"),
    };
    const wait = timing.group_wait;
    const receiver = route.get("receiver");
    const children = route.get("routes");
    const fallback = at.length === 1 && isSeq(children) && children.items.length > 0;
    if (typeof receiver === "string" && !fallback) {
      // One mutant: the route's `field` set to `value`.
      const mutant = (kind: MutationKind, field: (string | number)[], from: string, to: string) => {
        const changed = doc.clone();
        changed.setIn([...at, ...field], to);
        mutants.push({
          id: idFor(receiver, kind),
          alert: receiver,
          kind,
          change: `route to ${receiver}: ${field[0]} ${from} → ${to}`,
          text: changed.toString(),
        });
      };
      mutant(
        "group-wait-x8",
        ["group_wait"],
        wait,
        formatSeconds((parseDuration(wait) / 1000) * 8),
      );
      // Repeating at every group flush: the same page again each group_interval. (A flush comes
      // a group_interval after the last send, a hair short of it: a repeat_interval equal to the
      // group_interval repeats only every other flush.)
      const interval = parseDuration(timing.group_interval) / 1000;
      if (parseDuration(timing.repeat_interval) / 1000 > interval / 5) {
        mutant(
          "repeat-interval-short",
          ["repeat_interval"],
          timing.repeat_interval,
          formatSeconds(interval / 5),
        );
      }
      const other = names[(names.indexOf(receiver) + 1) % names.length];
      if (other !== undefined && other !== receiver)
        mutant("receiver-swapped", ["receiver"], receiver, other);
      const matchers = route.get("matchers");
      if (isSeq(matchers)) {
        matchers.items.forEach((item, i) => {
          const written = isScalar(item) ? String(item.value) : undefined;
          const to = written === undefined ? undefined : misspellRouteMatcher(written);
          if (written !== undefined && to !== undefined)
            mutant("route-matcher-changed", ["matchers", i], written, to);
        });
      }
    }
    if (isSeq(children)) {
      children.items.forEach((child, i) => {
        if (isMap(child)) walk(child as YAMLMap, [...at, "routes", i], timing);
      });
    }
  };
  const root = doc.get("route");
  if (isMap(root)) walk(root as YAMLMap, ["route"], DEFAULT_TIMING);
  return mutants;
}
