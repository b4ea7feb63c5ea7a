import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { mutateAlertmanagerConfig } from "./mutate-alertmanager-config.ts";

const config = `route:
  receiver: default
  group_wait: 20s
  routes:
    - receiver: pager
      matchers: ['severity="page"']
    - receiver: tickets
      group_wait: 1m
      matchers: ['severity=~"warning|investigate"', 'team!="none"', "env=prod"]
receivers:
  - name: pager
  - name: tickets
  - name: default
`;

interface Route {
  receiver?: string;
  group_wait?: string;
  routes?: Route[];
}
const routeOf = (text: string) => (parse(text) as { route: Route }).route;

describe("mutateAlertmanagerConfig", () => {
  it("makes every child route's group_wait eight times longer, cuts its repeat_interval to a fifth of its group_interval, swaps its receiver for the next, and misspells each selecting matcher", () => {
    const mutants = mutateAlertmanagerConfig(config);
    expect(mutants.map((m) => [m.id, m.alert, m.change])).toEqual([
      ["route:pager/group-wait-x8", "pager", "route to pager: group_wait 20s → 2m40s"],
      ["route:pager/repeat-interval-short", "pager", "route to pager: repeat_interval 4h → 1m"],
      ["route:pager/receiver-swapped", "pager", "route to pager: receiver pager → tickets"],
      [
        "route:pager/route-matcher-changed",
        "pager",
        'route to pager: matchers severity="page" → severity="page-typo"',
      ],
      ["route:tickets/group-wait-x8", "tickets", "route to tickets: group_wait 1m → 8m"],
      [
        "route:tickets/repeat-interval-short",
        "tickets",
        "route to tickets: repeat_interval 4h → 1m",
      ],
      ["route:tickets/receiver-swapped", "tickets", "route to tickets: receiver tickets → default"],
      [
        "route:tickets/route-matcher-changed",
        "tickets",
        'route to tickets: matchers severity=~"warning|investigate" → severity=~"(warning|investigate)-typo"',
      ],
      [
        "route:tickets/route-matcher-changed#2",
        "tickets",
        'route to tickets: matchers env=prod → env="prod-typo"',
      ],
    ]);
    const byId = new Map(mutants.map((m) => [m.id, m.text]));
    // The inherited group_wait is set on the route itself; the others are left as they were.
    const slowPager = routeOf(byId.get("route:pager/group-wait-x8")!);
    expect([
      slowPager.group_wait,
      slowPager.routes?.[0]?.group_wait,
      slowPager.routes?.[1]?.group_wait,
    ]).toEqual(["20s", "2m40s", "1m"]);
    expect(routeOf(byId.get("route:tickets/receiver-swapped")!).routes?.[1]?.receiver).toBe(
      "default",
    );
  });

  it("breaks a root route without children, and makes no mutant of a config without routes", () => {
    const lone = "route:\n  receiver: a\nreceivers:\n  - name: a\n  - name: b\n";
    expect(mutateAlertmanagerConfig(lone).map((m) => m.change)).toEqual([
      "route to a: group_wait 30s → 4m",
      "route to a: repeat_interval 4h → 1m",
      "route to a: receiver a → b",
    ]);
    expect(mutateAlertmanagerConfig("receivers: []\n")).toEqual([]);
  });
});
