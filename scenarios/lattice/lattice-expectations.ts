import { expectAlert } from "firedrill";

/** Where each severity of the lattice's page goes. */
const RECEIVER = { page: "pager", investigate: "tickets" } as const;

/**
 * How soon a red line over a one-minute window resolves after the heal: the window clears a
 * minute after it, then a scrape and an evaluation or two ("P95 over 1-minute windows"). A rule
 * whose window grew (`[1m]` → `[3m]`) resolves minutes later and fails.
 */
export const ONE_MINUTE_WINDOW_CLEARS = "2m";

/**
 * A lattice red line that fires within `fires` (5 fleet minutes unless the rule's window says
 * sooner) of the fault step "fault", reaches the receiver of its severity, and resolves within
 * `resolves` (6 minutes unless the rule's window says sooner) of the heal.
 */
export function redLine(
  alert: string,
  severity: keyof typeof RECEIVER,
  labels: Readonly<Record<string, string>> = {},
  { fires = "5m", resolves = "6m" }: { fires?: string; resolves?: string } = {},
) {
  return expectAlert(alert)
    .withLabels({ ...labels, severity })
    .firesWithin(fires, { after: "fault" })
    .deliveredTo(RECEIVER[severity])
    .resolvesWithin(resolves);
}

/** Downstream of a stalled or slow organism, atelier misses slots: the primary output drops, which pages. */
export const atelierMissesSlots = () =>
  redLine(
    "LatticeAtelierCandidatesBelowSlotRate",
    "page",
    { organism: "atelier" },
    { resolves: ONE_MINUTE_WINDOW_CLEARS },
  );

/**
 * LatticeZipnetBroadcastsStalled reads three rounds (36 s): it goes pending within them of the
 * stall and resolves at the next broadcast after the heal. A longer window starts it later.
 */
export const BROADCAST_WINDOWS = { fires: "75s", resolves: "1m" } as const;
