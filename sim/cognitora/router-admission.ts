import type { SeededRandom } from "../core/seeded-random.ts";
import { binomial } from "./binomial.ts";

/** Normal share of a batch from rate-limited callers; far from any alert. */
const RATE_LIMITED_SHARE = 0.004;
/** Share of a batch refused with ttft_violation while the picked agent's TTFT exceeds the SLO. */
const TTFT_VIOLATION_SHARE = 0.1;

/**
 * A router's admission control for a request standing for `weight` identical ones: how many are
 * rate-limited, refused as queue_full (the injected share), refused as ttft_violation (while
 * the fastest ready agent is over the TTFT SLO), and admitted.
 */
export function admit(
  random: SeededRandom,
  weight: number,
  state: { readonly queueFullShare: number; readonly ttftOverSlo: boolean },
): { rateLimited: number; queueFull: number; ttftViolations: number; admitted: number } {
  const rateLimited = binomial(random, weight, RATE_LIMITED_SHARE);
  const queueFull = binomial(random, weight - rateLimited, state.queueFullShare);
  const passed = weight - rateLimited - queueFull;
  const ttftViolations = state.ttftOverSlo ? binomial(random, passed, TTFT_VIOLATION_SHARE) : 0;
  return { rateLimited, queueFull, ttftViolations, admitted: passed - ttftViolations };
}
