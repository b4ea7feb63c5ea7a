/**
 * A compile-time check, not imported at run time: FleetShape and simHost.kill's system union
 * are written out in harness/scenario (scenario type-checking must not load the whole sim), so
 * `npm run typecheck` fails here when they drift from sim/systems.ts.
 */
import type { FleetShapeOf, SystemName } from "../../sim/index.ts";
import type { simHost } from "./faults/watchers.ts";
import type { FleetShape } from "./types.ts";

/** True when A and B are the same type. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Each system's shape fields, without the optional/required distinction. */
type Fields<S> = { [K in keyof S]-?: keyof NonNullable<S[K]> };

/** Holds only when FleetShape names the systems and fields of sim/systems.ts. */
export const fleetShapeMatchesSim: Same<Fields<FleetShape>, Fields<FleetShapeOf>> = true;

/** Holds only when simHost.kill accepts exactly the systems of sim/systems.ts. */
export const killUnionMatchesSim: Same<Parameters<typeof simHost.kill>[0], SystemName> = true;
