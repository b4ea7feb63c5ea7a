import type { ExpositionFamily } from "./parse-exposition.ts";

/**
 * The value of the first sample of a family whose labels include `labels`; throws when there is
 * none, so a test names the missing series instead of comparing `undefined`.
 */
export function sampleValue(
  families: ReadonlyMap<string, ExpositionFamily>,
  name: string,
  labels: Readonly<Record<string, string>>,
): number {
  const sample = families
    .get(name)
    ?.samples.find((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  if (!sample) throw new Error(`no sample ${name} ${JSON.stringify(labels)}`);
  return sample.value;
}
