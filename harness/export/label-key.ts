/** A label set as one comparable string: its pairs sorted by name, as JSON. */
export const labelKey = (labels: Readonly<Record<string, string>>): string =>
  JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1)));

/** A label key (labelKey's string) back as `{a="1", b="2"}`, without the alertname. */
export function describeKey(key: string): string {
  const pairs = JSON.parse(key) as [string, string][];
  return `{${pairs
    .filter(([k]) => k !== "alertname")
    .map(([k, v]) => `${k}="${v}"`)
    .join(", ")}}`;
}
