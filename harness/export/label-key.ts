export { labelKey } from "../result/index.ts";

/** A label key (labelKey's string) back as `{a="1", b="2"}`, without the alertname. */
export function describeKey(key: string): string {
  const pairs = JSON.parse(key) as [string, string][];
  return `{${pairs
    .filter(([k]) => k !== "alertname")
    .map(([k, v]) => `${k}="${v}"`)
    .join(", ")}}`;
}
