import { expectAlert } from "firedrill";

/** Where each severity of the lattice's page goes. */
const RECEIVER = { page: "pager", investigate: "tickets" } as const;

/**
 * A lattice red line that fires within 5 fleet minutes of the fault step "fault", reaches the
 * receiver of its severity, and resolves within 6 minutes of the heal.
 */
export function redLine(
  alert: string,
  severity: keyof typeof RECEIVER,
  labels: Readonly<Record<string, string>> = {},
) {
  return expectAlert(alert)
    .withLabels({ ...labels, severity })
    .firesWithin("5m", { after: "fault" })
    .deliveredTo(RECEIVER[severity])
    .resolvesWithin("6m");
}

/** Downstream of a stalled or slow organism, atelier misses slots: the primary output drops, which pages. */
export const atelierMissesSlots = () =>
  redLine("LatticeAtelierCandidatesBelowSlotRate", "page", { organism: "atelier" });
