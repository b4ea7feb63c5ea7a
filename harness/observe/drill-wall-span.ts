/**
 * A drill's span in wall time and how wall time maps to the fleet's: what reading back from
 * Prometheus what the drill wrote needs.
 */
export interface DrillWallSpan {
  /** Wall ms of fleet t=0. */
  readonly startWallMs: number;
  /** Wall ms of the drill's end. */
  readonly endWallMs: number;
  /** Fleet seconds since t=0 at a wall time (ms since the epoch). */
  readonly toFleetSeconds: (wallMs: number) => number;
}

/**
 * The wall span of a played timeline: from fleet t=0 to its end.
 * @example drillWallSpan(played) // { startWallMs, endWallMs, toFleetSeconds }
 */
export function drillWallSpan(timeline: {
  readonly toWallMs: (fleetSeconds: number) => number;
  readonly toFleetSeconds: (wallMs: number) => number;
  readonly end: number;
}): DrillWallSpan {
  return {
    startWallMs: timeline.toWallMs(0),
    endWallMs: timeline.toWallMs(timeline.end),
    toFleetSeconds: timeline.toFleetSeconds,
  };
}
