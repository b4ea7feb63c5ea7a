/** Every expr string in a parsed JSON or YAML document (dashboards and query lists), by its name. */
export function exprsIn(
  value: unknown,
  file: string,
  name = "",
): { file: string; rule: string; expr: string }[] {
  if (Array.isArray(value)) return value.flatMap((v) => exprsIn(v, file, name));
  if (typeof value !== "object" || value === null) return [];
  const record = value as Record<string, unknown>;
  const label = String(record.name ?? record.title ?? name);
  return Object.entries(record).flatMap(([key, v]) =>
    key === "expr" && typeof v === "string"
      ? [{ file, rule: label, expr: v }]
      : exprsIn(v, file, label),
  );
}
