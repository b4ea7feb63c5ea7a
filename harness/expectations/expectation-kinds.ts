import type { Expectation } from "../scenario/types.ts";
import type { ExpectationKind } from "./expectation-kind.ts";
import { firesKind } from "./fires.ts";
import { firingWithinKind } from "./firing-within.ts";
import { neverFiresKind } from "./never-fires.ts";
import { noOtherAlertsKind } from "./no-other-alerts.ts";
import { separatePagesKind } from "./separate-pages.ts";
import { spansArriveKind } from "./spans-arrive.ts";

/** The registry's type: exactly one ExpectationKind per kind of the Expectation union. */
type Registry = {
  readonly [K in Expectation["kind"]]: ExpectationKind<Extract<Expectation, { kind: K }>>;
};

/** Every expectation kind, keyed by kind; a kind missing here is a type error. */
const registry: Registry = {
  fires: firesKind,
  "never-fires": neverFiresKind,
  "firing-within": firingWithinKind,
  "spans-arrive": spansArriveKind,
  "no-other-alerts": noOtherAlertsKind,
  "separate-pages": separatePagesKind,
};

/** The kinds the registry holds, for messages. */
export const expectationKindNames: readonly string[] = Object.keys(registry);

/**
 * The kind of an expectation, from the registry. A kind the registry does not hold (a scenario
 * built by hand, not by the builders) is refused, never judged as another kind.
 *
 * @example
 * expectationKind(e).evaluate(e, { all, observations, parseSeconds });
 */
export function expectationKind<E extends Expectation>(expectation: E): ExpectationKind<E> {
  const kind = (registry as Readonly<Record<string, unknown>>)[expectation.kind];
  if (kind === undefined) {
    throw new TypeError(
      `Unknown expectation kind ${JSON.stringify(expectation.kind)} (kinds: ${expectationKindNames.join(", ")})`,
    );
  }
  return kind as ExpectationKind<E>;
}
