import { InputError } from "../errors.ts";

/**
 * A rule reads wall-clock time (time(), timestamp(), the @ modifier, ...), which does not speed
 * up with the fleet: it can only be judged at speed 1. rewriteRuleFile leaves such a rule out
 * of the sped-up file when asked to, instead of refusing the whole file.
 */
export class WallClockRuleError extends InputError {
  override name = "WallClockRuleError";
}
