import { InputError } from "../errors.ts";

// A Prometheus duration (model.ParseDuration): whole numbers, units largest first, each once.
const durationPattern =
  /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const unitMs = [365 * 86_400_000, 7 * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000, 1] as const;

/**
 * Parses a Prometheus duration ("1m30s", "500ms", "1d", "0") into milliseconds.
 * `where` names the file and place for the error message.
 * @example parseDuration("1m30s") // 90000
 */
export function parseDuration(text: string, where?: string): number {
  if (text === "0") return 0;
  const match = durationPattern.exec(text);
  if (match === null || text === "") {
    throw new InputError(
      `Failed to parse ${where ?? "a duration"}: "${text}" is not a Prometheus duration. Write whole numbers with units y, w, d, h, m, s, ms, largest first, such as 1m30s or 500ms.`,
    );
  }
  let ms = 0;
  for (const [index, factor] of unitMs.entries()) {
    const digits = match[index + 1];
    if (digits !== undefined) ms += Number(digits) * factor;
  }
  return ms;
}
