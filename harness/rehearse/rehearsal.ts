import { faultCatalogue, type SystemFault } from "../../sim/index.ts";
import { InputError } from "../errors.ts";
import { harnessFaultCatalogue } from "../faults/harness-fault-catalogue.ts";
import { planFleet, systemOfFault } from "../runner/plan-fleet.ts";
import type { FaultSpec } from "../scenario/types.ts";
import { type RecordedFault, Recorder, type Recording } from "./recorder.ts";
import type { RehearsalStack } from "./rehearsal-stack.ts";

/** A node of the rehearsal's fleet and the state its sim host reports (up, crashed, hung). */
export interface RehearsalNode {
  readonly id: string;
  readonly system: string;
  readonly role: string | undefined;
  readonly state: string;
}

/** A fault the page offers: the sim's catalogue entries of the chosen systems, then the harness's. */
export type OfferedFault = SystemFault;

/**
 * A running rehearsal: the stack, what the page may do to it (inject, heal), and the recording.
 * Alerts are polled twice per evaluation interval (wall time) until stop().
 */
export class Rehearsal {
  readonly stack: RehearsalStack;
  readonly recorder: Recorder;
  readonly #heals = new Map<string, () => Promise<void>>();
  readonly #roles: ReadonlyMap<string, string | undefined>;
  #timer: NodeJS.Timeout | undefined;
  #polling = false;

  constructor(stack: RehearsalStack) {
    this.stack = stack;
    this.recorder = new Recorder((wallMs) => stack.toFleetSeconds(wallMs));
    this.#roles = new Map(
      planFleet(stack.fleet, () => 0).flatMap((p) => p.nodes.map((n) => [n.id, n.role] as const)),
    );
  }

  /** Starts following Prometheus' alerts every `pollMs` (wall). */
  follow(pollMs: number): void {
    const poll = async () => {
      if (this.#polling) return;
      this.#polling = true;
      try {
        const at = Date.now();
        this.recorder.observe(await this.stack.prometheus.alerts(), at);
      } catch {
        // Prometheus restarting (a stack.* fault): skip the poll rather than see "no alerts".
      } finally {
        this.#polling = false;
      }
    };
    this.#timer = setInterval(() => void poll(), pollMs);
  }

  /** The faults of the fleet's systems and the harness's own, with their params. */
  catalogue(): OfferedFault[] {
    const systems = new Set(this.stack.fleets.keys());
    return [
      ...faultCatalogue().filter((f) => systems.has(f.system)),
      ...harnessFaultCatalogue(this.stack.harnessFaults),
    ];
  }

  /** Every node with the state its host reports; a host that does not answer shows "down". */
  async nodes(): Promise<RehearsalNode[]> {
    const lists = await Promise.all(
      [...this.stack.fleets.values()].map(async (fleet) => {
        const answered = await fetch(`${fleet.control}/nodes`, {
          signal: AbortSignal.timeout(2_000),
        })
          .then((r) => r.json() as Promise<{ id: string; state: string }[]>)
          .catch(() => fleet.nodes.map((n) => ({ id: n.id, state: "down" })));
        return answered.map((n) => ({
          id: n.id,
          system: fleet.system,
          role: this.#roles.get(n.id),
          state: n.state,
        }));
      }),
    );
    return lists.flat();
  }

  /**
   * Injects a fault: a harness fault by the harness, a sim fault through its host's control API
   * (which validates name, target and params and answers 400 with the reason). Bad input is an
   * InputError with that reason.
   */
  async inject(fault: FaultSpec): Promise<RecordedFault> {
    const harness = this.stack.harnessFaults.get(fault.name);
    let heal: () => Promise<void>;
    if (harness) {
      heal = await harness.apply(
        {
          stack: this.stack.stack,
          webhook: this.stack.webhook,
          otlp: this.stack.otlp,
          fleets: this.stack.fleets,
          proxies: this.stack.proxies,
        },
        fault,
      );
    } else {
      const fleet = this.stack.fleets.get(systemOfFault(fault.name));
      if (!fleet) {
        throw new InputError(
          `Failed to inject fault ${fault.name}: the rehearsal has no ${systemOfFault(fault.name)} nodes. Start it with --systems ${systemOfFault(fault.name)}.`,
        );
      }
      let id: string;
      try {
        id = await fleet.inject(fault);
      } catch (error) {
        // The sim's reason already ends with a full stop.
        throw new InputError((error as Error).message.replace(/\.\.$/, "."));
      }
      heal = () => fleet.heal(id);
    }
    const record = this.recorder.injected(fault, Date.now());
    this.#heals.set(record.id, heal);
    return record;
  }

  /** Heals the fault step `id` injected earlier. */
  async heal(id: string): Promise<void> {
    const heal = this.#heals.get(id);
    if (!heal) {
      throw new InputError(
        `Failed to heal fault "${id}": no such active fault. Active: ${[...this.#heals.keys()].join(", ") || "none"}.`,
      );
    }
    await heal();
    this.#heals.delete(id);
    this.recorder.healed(id, Date.now());
  }

  /** What has been recorded so far. */
  recording(): Recording {
    return this.recorder.snapshot(this.stack.webhook.deliveries, Date.now());
  }

  /** Stops polling, then the stack and the fleet. */
  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    await this.stack.stop();
  }
}
