/** A label set as one comparable string: its pairs sorted by name, as JSON (the same set, whatever its order). */
export const labelKey = (labels: Readonly<Record<string, string>>): string =>
  JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1)));
