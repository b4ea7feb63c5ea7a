import type { LabelMatch } from "../scenario/types.ts";

/** `Name{a="b",c="d"}` as an operator writes a selector (alertname is the name, not a label). */
export function describeAlert(alert: string, labels: LabelMatch): string {
  const inner = Object.entries(labels)
    .filter(([k]) => k !== "alertname")
    .map(([k, v]) => `${k}="${v}"`)
    .join(",");
  return inner ? `${alert}{${inner}}` : alert;
}
