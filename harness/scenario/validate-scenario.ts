import { InputError } from "../errors.ts";
import { expectationKind, expectationKindNames } from "../expectations/index.ts";
import { builtinHarnessFaults } from "../faults/builtin-faults.ts";
import { isHarnessFault } from "../faults/harness-fault.ts";
import { parseDuration } from "../time/index.ts";
import { type FleetNode, faultProblem } from "./fault-problem.ts";
import { fleetNodes } from "./fleet-nodes.ts";

import type { Expectation, FaultStep, Scenario } from "./types.ts";

/** The harness faults' names (their behaviour does not depend on the speed). */
const harnessFaultNames = () => [...builtinHarnessFaults(1).keys()];

const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Checks what the type checker cannot: names, durations, the timeline's order and the
 * references between faults and expectations. Throws InputError naming the file and the field.
 */
export function validateScenario(candidate: unknown, where: string): Scenario {
  const fail = (place: string, problem: string): never => {
    throw new InputError(`Invalid scenario file: ${where}: ${place} ${problem}`, {
      file: where,
    });
  };
  if (typeof candidate !== "object" || candidate === null) {
    return fail("default export", "is not a scenario. Use `export default defineScenario({...})`.");
  }
  const s = candidate as Scenario;
  if (typeof s.name !== "string" || !NAME.test(s.name)) {
    fail("name", `must be lower-case words joined by dashes (got ${JSON.stringify(s.name)}).`);
  }
  const duration = (value: unknown, place: string): number => {
    try {
      return parseDuration(String(value));
    } catch {
      return fail(
        place,
        `is not a duration: ${JSON.stringify(value)}. Write e.g. "30s", "5m" or "1h30m".`,
      );
    }
  };
  const total = duration(s.duration, "duration");
  let bySystem: Map<string, FleetNode[]>;
  try {
    bySystem = new Map(
      [...fleetNodes(s.fleet ?? {})].map(([system, nodes]) => [
        system,
        nodes.map((n) => ({ ...n, system })),
      ]),
    );
  } catch (error) {
    return fail("fleet", (error as Error).message);
  }
  const fleet = new Map([...bySystem.values()].flat().map((n) => [n.id, n]));
  const nodes = new Set(fleet.keys());
  if (nodes.size < 1) fail("fleet", "must have at least one node.");
  const steps = new Map<string, FaultStep>();
  (s.faults ?? []).forEach((step, i) => {
    const place = `faults[${i}]`;
    if (steps.has(step.id))
      fail(`${place}.id`, `"${step.id}" is used twice; fault ids must be unique.`);
    steps.set(step.id, step);
    const at = duration(step.at, `${place}.at`);
    if (at > total)
      fail(`${place}.at`, `(${step.at}) is after the end of the scenario (${s.duration}).`);
    if (step.heal !== undefined) {
      const heal = duration(step.heal, `${place}.heal`);
      if (heal <= at) fail(`${place}.heal`, `(${step.heal}) must come after at (${step.at}).`);
      if (heal > total)
        fail(`${place}.heal`, `(${step.heal}) is after the end of the scenario (${s.duration}).`);
    }
    if (typeof step.fault?.name !== "string") fail(`${place}.fault`, "has no fault name.");
    if (step.fault.target !== undefined && !nodes.has(step.fault.target)) {
      fail(
        `${place}.fault.target`,
        `"${step.fault.target}" is not a node of this fleet (nodes: ${[...nodes].join(", ")}).`,
      );
    }
    const system = step.fault.name.split(".")[0] ?? "";
    if (isHarnessFault(step.fault.name)) {
      const known = harnessFaultNames();
      if (!known.includes(step.fault.name)) {
        fail(
          `${place}.fault.name`,
          `"${step.fault.name}" is not a harness fault (known: ${known.join(", ")}).`,
        );
      }
    } else if (!bySystem.has(system)) {
      fail(
        `${place}.fault.name`,
        `"${step.fault.name}" is a ${system} fault, but the fleet has no ${system} nodes.`,
      );
    }
    const problem = faultProblem(
      step.fault,
      step.fault.target === undefined ? undefined : fleet.get(step.fault.target),
    );
    if (problem) fail(`${place}.fault.${problem.field}`, problem.problem);
  });
  (s.expect ?? []).forEach((e: Expectation, i) => {
    const place = `expect[${i}]`;
    if (!expectationKindNames.includes(e?.kind)) {
      fail(
        `${place}.kind`,
        `${JSON.stringify(e?.kind)} is not an expectation kind (kinds: ${expectationKindNames.join(", ")}). Build expectations with expectAlert, expectSpans, expectSeparatePages or expectNoOtherAlerts.`,
      );
    }
    expectationKind(e).validate(e, { place, steps, fail, duration });
  });
  if ((s.expect ?? []).length === 0) fail("expect", "is empty; a drill must expect something.");
  return s;
}
