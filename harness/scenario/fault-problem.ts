import {
  type FaultParamProblem,
  type FaultParamSpec,
  faultCatalogue,
  faultParamProblem,
  type SystemFault,
  type TopologyNode,
} from "../../sim/index.ts";
import { builtinHarnessFaults } from "../faults/builtin-faults.ts";
import { isHarnessFault } from "../faults/harness-fault.ts";
import type { FaultSpec } from "./types.ts";

/** What is wrong with one fault of a scenario: the field under `fault` and the sentence. */
export interface FaultProblem {
  /** "name", "target", "params", "params.latencySeconds", ... */
  readonly field: string;
  readonly problem: string;
}

/** One node of the scenario's fleet and the system it belongs to. */
export interface FleetNode extends TopologyNode {
  readonly system: string;
}

let catalogue: Map<string, SystemFault> | undefined;

/** Every sim fault by name, built once (the definitions of sim/systems.ts, never applied). */
function simFaults(): Map<string, SystemFault> {
  catalogue ??= new Map(faultCatalogue().map((f) => [f.name, f]));
  return catalogue;
}

/**
 * The harness faults' params as specs to check against. A harness param without a default is
 * required: the check then finds the missing value invalid.
 */
function harnessSpecs(name: string): readonly FaultParamSpec[] | undefined {
  const fault = builtinHarnessFaults(1).get(name);
  return fault?.params.map((p) => ({ ...p, default: p.default }) as FaultParamSpec);
}

/** Words a param problem as the scenario loader says it. */
function paramSentence(fault: string, problem: FaultParamProblem): FaultProblem {
  switch (problem.kind) {
    case "not-an-object":
      return {
        field: "params",
        problem: `must be an object (got ${JSON.stringify(problem.got)}).`,
      };
    case "unknown":
      return {
        field: `params.${problem.param}`,
        problem: `is not a param of ${fault} (params: ${problem.known.join(", ") || "none"}).`,
      };
    case "invalid":
      return {
        field: `params.${problem.param}`,
        problem: `must be ${problem.expected} (got ${problem.got === undefined ? "nothing" : JSON.stringify(problem.got)}).`,
      };
  }
}

/** The target check of a sim fault: the node must be of the fault's system and role. */
function targetProblem(fault: SystemFault, node: FleetNode | undefined): FaultProblem | undefined {
  if (node === undefined) return undefined;
  if (node.system !== fault.system) {
    return {
      field: "target",
      problem: `"${node.id}" is a ${node.system} node, and ${fault.name} acts on ${fault.system} nodes.`,
    };
  }
  if (fault.roles !== undefined && (node.role === undefined || !fault.roles.includes(node.role))) {
    const roles = fault.roles.join(" or ");
    return {
      field: "target",
      problem: `"${node.id}" is a ${node.role ?? "node without a role"}, and ${fault.name} acts on ${roles} nodes only. Target a ${roles} node, or omit the target for all of them.`,
    };
  }
  return undefined;
}

/**
 * Checks one scenario fault against the fault schemas (the sim's, and the harness's own), before
 * anything starts: a known name, params known and in range, a target of the fault's system and
 * role. Returns the first problem, or undefined.
 */
export function faultProblem(
  fault: FaultSpec,
  target: FleetNode | undefined,
): FaultProblem | undefined {
  if (isHarnessFault(fault.name)) {
    const specs = harnessSpecs(fault.name);
    if (specs === undefined) return undefined; // the caller names the unknown harness fault
    const problem = faultParamProblem(specs, fault.params);
    return problem && paramSentence(fault.name, problem);
  }
  const known = simFaults().get(fault.name);
  if (known === undefined) {
    const system = fault.name.split(".")[0] ?? "";
    const names = [...simFaults().values()].filter((f) => f.system === system).map((f) => f.name);
    return {
      field: "name",
      problem: `"${fault.name}" is not a ${system} fault (faults: ${names.join(", ")}). \`firedrill faults --system ${system}\` lists them.`,
    };
  }
  const problem = faultParamProblem(known.params, fault.params);
  if (problem) return paramSentence(fault.name, problem);
  return targetProblem(known, target);
}
