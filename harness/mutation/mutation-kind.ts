/**
 * How a rule is broken (mutate-rule-file.ts): deleted; a threshold moved tenfold the way that
 * fires less, or the way that fires more; its `for` three times longer, a third as long, or
 * removed; every range window three times longer; its severity changed; a label matcher's value
 * changed; or a rule the system's document calls noise added (noise-rule-mutants.ts). How a route
 * is broken (mutate-alertmanager-config.ts): its group_wait eight times longer, its receiver
 * swapped, its repeat_interval cut to a fifth of its group_interval, or its matcher's value changed.
 */
export type MutationKind =
  | "deleted"
  | "threshold-x10"
  | "threshold-sensitive"
  | "for-x3"
  | "for-div3"
  | "for-removed"
  | "range-x3"
  | "severity-changed"
  | "matcher-changed"
  | "noise-rule-added"
  | "group-wait-x8"
  | "receiver-swapped"
  | "repeat-interval-short"
  | "route-matcher-changed";

/**
 * Which drills can kill a mutant of each kind: `fires`, the drills that expect the alert to fire
 * (a rule that fires less, later or elsewhere misses them); `silent`, the drills that expect it
 * to stay silent, its boundary drills first (a rule that fires more pages on them); `both`, the
 * firing drills, then the silent ones (a change that can go either way). Route kinds are killed
 * by the drills that expect a page at the route's receiver.
 */
export const MUTATION_KINDS: Readonly<Record<MutationKind, "fires" | "silent" | "both" | "route">> =
  {
    deleted: "fires",
    "threshold-x10": "fires",
    "threshold-sensitive": "silent",
    "for-x3": "fires",
    "for-div3": "both",
    "for-removed": "both",
    "range-x3": "both",
    "severity-changed": "fires",
    "matcher-changed": "both",
    "noise-rule-added": "silent",
    "group-wait-x8": "route",
    "receiver-swapped": "route",
    "repeat-interval-short": "route",
    "route-matcher-changed": "route",
  };

/** Every kind, in the order mutants of one alert are made. */
export const MUTATION_KIND_NAMES = Object.keys(MUTATION_KINDS) as readonly MutationKind[];
