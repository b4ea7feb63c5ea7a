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
 * How soon a red line over a one-minute window fires after its own organism's fault (not one
 * upstream, which adds the pipeline's delay): the window loses its healthy samples within a
 * minute, `for: 1m` passes, then a scrape and an evaluation (30 s), and a live run's own scrape
 * plus evaluation (30 s) on top. A rule whose window grew to `[3m]` needs two more minutes for the
 * healthy samples to leave it and fires later.
 */
export const ONE_MINUTE_WINDOW_FIRES = "3m";

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

/**
 * Downstream of a stalled or slow organism, atelier misses slots: the primary output drops, which
 * pages within `fires` (redLine's 5m unless given) and resolves within ONE_MINUTE_WINDOW_CLEARS.
 */
export const atelierMissesSlots = ({ fires }: { fires?: string } = {}) =>
  redLine(
    "LatticeAtelierCandidatesBelowSlotRate",
    "page",
    { organism: "atelier" },
    { fires, resolves: ONE_MINUTE_WINDOW_CLEARS },
  );

/**
 * atelier's own fault (a stall, or fewer candidates than slots) drops its primary output below
 * the slot rate: no upstream organism delays it, so it pages within ONE_MINUTE_WINDOW_FIRES.
 * Seen in virtual time, seeds 42–46: 1m45s–2m after the fault; a `[3m]` window: 3m19s–3m34s.
 */
export const atelierBelowSlotRate = () => atelierMissesSlots({ fires: ONE_MINUTE_WINDOW_FIRES });

/**
 * LatticeZipnetBroadcastsStalled reads three rounds (36 s): it goes pending within them of the
 * stall and resolves at the next broadcast after the heal. A longer window starts it later.
 */
export const BROADCAST_WINDOWS = { fires: "75s", resolves: "1m" } as const;
