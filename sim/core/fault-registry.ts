import type { Clock } from "./clock.ts";
import { FaultNotFoundError, FaultRequestError } from "./errors.ts";
import type { FaultDefinition, Heal } from "./fault-definition.ts";
import type { FaultParamSpec, FaultParamValue } from "./fault-param-spec.ts";
import { FaultParams } from "./fault-params.ts";
import type { SimNode } from "./sim-node.ts";

/** A fault as the control API lists it in its catalogue. */
export interface FaultCatalogueEntry {
  readonly name: string;
  readonly description: string;
  readonly params: readonly FaultParamSpec[];
}

/** An injected, not yet healed fault. */
export interface ActiveFault {
  readonly id: string;
  readonly name: string;
  /** The node id asked for, or null for every node of the host. */
  readonly target: string | null;
  /** The node ids the fault was applied to. */
  readonly nodes: readonly string[];
  readonly params: Readonly<Record<string, FaultParamValue>>;
  /** Fleet time of the injection, ISO 8601. */
  readonly injectedAt: string;
}

/** Throws the 400 error for a malformed inject request. */
function badRequest(cause: string, remedy: string): never {
  throw new FaultRequestError(`Failed to inject fault: ${cause}. ${remedy}.`);
}

/**
 * The named faults of one host: inject by name on one node or all, heal by id.
 *
 * @example
 * const faults = new FaultRegistry({ definitions, nodes, clock });
 * const { id } = await faults.inject({ name: "cosmictron.wal.fsync-stall", target: "cosmictron-0" });
 * await faults.heal(id);
 */
export class FaultRegistry<N extends SimNode> {
  readonly #definitions: ReadonlyMap<string, FaultDefinition<N>>;
  readonly #nodes: readonly N[];
  readonly #clock: Clock;
  readonly #active = new Map<string, { fault: ActiveFault; heals: Heal[] }>();
  #nextId = 1;

  constructor(options: {
    definitions: readonly FaultDefinition<N>[];
    nodes: readonly N[];
    clock: Clock;
  }) {
    this.#definitions = new Map(options.definitions.map((d) => [d.name, d]));
    this.#nodes = options.nodes;
    this.#clock = options.clock;
  }

  /** Every fault this host knows, with its params. */
  catalogue(): FaultCatalogueEntry[] {
    return [...this.#definitions.values()].map((d) => ({
      name: d.name,
      description: d.description,
      params: d.params,
    }));
  }

  /** Faults injected and not yet healed, oldest first. */
  active(): ActiveFault[] {
    return [...this.#active.values()].map((a) => a.fault);
  }

  /**
   * Validates a request `{ name, target?, params? }` (as parsed JSON) and applies the fault.
   * Throws FaultRequestError for an unknown name or target or bad params.
   */
  async inject(request: unknown): Promise<ActiveFault> {
    if (typeof request !== "object" || request === null || Array.isArray(request)) {
      badRequest(
        `the body must be a JSON object, got ${JSON.stringify(request)}`,
        'Send {"name": "...", "target": "...", "params": {...}}',
      );
    }
    const { name, target, params, ...rest } = request as Record<string, unknown>;
    const extra = Object.keys(rest);
    if (extra.length > 0) {
      badRequest(`unknown field "${extra[0]}"`, 'Send only "name", "target" and "params"');
    }
    const known = [...this.#definitions.keys()];
    if (typeof name !== "string") {
      badRequest(
        `"name" must be a string, got ${JSON.stringify(name)}`,
        `Use one of: ${known.join(", ")}`,
      );
    }
    const definition = this.#definitions.get(name);
    if (!definition) badRequest(`unknown fault "${name}"`, `Use one of: ${known.join(", ")}`);
    if (target !== undefined && target !== null && typeof target !== "string") {
      badRequest(
        `"target" must be a node id, got ${JSON.stringify(target)}`,
        "Omit it to target every node of the host",
      );
    }
    const roles = definition.roles;
    const fits = (n: N) => roles === undefined || (n.role !== undefined && roles.includes(n.role));
    const nodes =
      target == null ? this.#nodes.filter(fits) : this.#nodes.filter((n) => n.id === target);
    const targeted = nodes[0];
    if (target != null && targeted && !fits(targeted)) {
      badRequest(
        `node "${target}" is a ${targeted.role ?? "node without a role"}, and "${name}" acts on ${roles?.join(" or ")} nodes only`,
        `Target a ${roles?.join(" or ")} node, or omit the target for all of them`,
      );
    }
    if (nodes.length === 0 && target != null) {
      badRequest(
        `unknown target "${String(target)}"`,
        `Use one of: ${this.#nodes.map((n) => n.id).join(", ")}, or omit it for every node`,
      );
    }
    const resolved = FaultParams.resolve(name, definition.params, params);

    const heals: Heal[] = [];
    try {
      for (const node of nodes) heals.push(await definition.apply(node, resolved));
    } catch (error) {
      for (const heal of heals.reverse()) await heal();
      throw error;
    }
    const fault: ActiveFault = {
      id: `f${this.#nextId++}`,
      name,
      target: target == null ? null : target,
      nodes: nodes.map((n) => n.id),
      params: resolved.toJSON(),
      injectedAt: new Date(this.#clock.now()).toISOString(),
    };
    this.#active.set(fault.id, { fault, heals });
    return fault;
  }

  /** Heals one active fault on every node it was applied to; unknown id → FaultNotFoundError. */
  async heal(id: string): Promise<ActiveFault> {
    const entry = this.#active.get(id);
    if (!entry) throw new FaultNotFoundError(id, [...this.#active.keys()]);
    this.#active.delete(id);
    for (const heal of entry.heals) await heal();
    return entry.fault;
  }

  /** Heals everything, newest first. */
  async healAll(): Promise<void> {
    for (const id of [...this.#active.keys()].reverse()) await this.heal(id);
  }
}
