import { InputError } from "../errors.ts";
import type { FaultSpec } from "../scenario/types.ts";
import type { ComponentName } from "../stack/index.ts";
import type { HarnessFault, HarnessFaultContext } from "./harness-fault.ts";
import type { ProxyMode } from "./scrape-proxy.ts";

/** Nothing to undo. */
const noHeal = async () => undefined;

function param(fault: FaultSpec, name: string): string | number | boolean | undefined {
  return fault.params?.[name];
}

/** Restarts one component of the stack with its config and data, e.g. in the middle of a firing alert. */
function restart(component: ComponentName, what: string): HarnessFault {
  return {
    name: `stack.${component}.restart`,
    description: `Restarts ${what} (stop, then start with the same config and data). Heal does nothing: the restart is the event.`,
    params: [],
    async apply(context) {
      await context.stack.restart(component);
      return noHeal;
    },
  };
}

/** Points the proxy in front of the fault's target node at a mode until the heal. */
function path(
  name: string,
  description: string,
  mode: (fault: FaultSpec, context: HarnessFaultContext) => ProxyMode,
  params: HarnessFault["params"] = [],
): HarnessFault {
  return {
    name,
    description,
    params,
    async apply(context, fault) {
      if (!context.proxies || fault.target === undefined) {
        throw new InputError(
          `Failed to inject ${name}: give it a target node, e.g. { name: "${name}", target: "cosmictron-0" }.`,
        );
      }
      const proxy = context.proxies.of(fault.target);
      await proxy.setMode(mode(fault, context));
      return () => proxy.setMode({ kind: "pass" });
    },
  };
}

/** The faults the harness carries out itself, by name. */
export function builtinHarnessFaults(speed: number): ReadonlyMap<string, HarnessFault> {
  const faults: HarnessFault[] = [
    restart("prometheus", "Prometheus"),
    restart("alertmanager", "Alertmanager"),
    restart("collector", "the OpenTelemetry Collector"),
    {
      name: "receiver.outage",
      description:
        "A receiver's webhook answers 500 until the heal; Alertmanager retries, so the notification must arrive after the heal.",
      params: [
        {
          name: "receiver",
          type: "string",
          description: "The receiver that fails (pager, tickets, default).",
        },
      ],
      async apply(context, fault) {
        const receiver = String(param(fault, "receiver") ?? "");
        if (!receiver)
          throw new InputError(
            'Failed to inject receiver.outage: give params.receiver, e.g. "pager".',
          );
        context.webhook.failing.add(receiver);
        return async () => {
          context.webhook.failing.delete(receiver);
        };
      },
    },
    path(
      "net.latency",
      "Every scrape of the target node is delayed by `seconds` of fleet time each way.",
      (fault) => ({ kind: "latency", ms: (Number(param(fault, "seconds") ?? 5) * 1000) / speed }),
      [
        {
          name: "seconds",
          type: "number",
          default: 5,
          description: "Fleet seconds of delay each way.",
        },
      ],
    ),
    path(
      "net.timeout",
      "Scrapes of the target node are accepted and never answered: they time out.",
      () => ({ kind: "timeout" }),
    ),
    path("net.reset", "Connections to the target node are reset at once.", () => ({
      kind: "reset",
    })),
    path("net.blackhole", "The path to the target node is cut: connection refused.", () => ({
      kind: "blackhole",
    })),
    {
      name: "process.kill",
      description:
        "The sim host process of `system` is killed (SIGKILL): every node of that system stops at once. Heal starts it again on the same ports.",
      params: [
        { name: "system", type: "string", description: "The system whose host process dies." },
      ],
      async apply(context, fault) {
        const system = String(param(fault, "system") ?? "");
        const fleet = context.fleets.get(system);
        if (!fleet) {
          throw new InputError(
            `Failed to inject process.kill: the fleet has no "${system}" host (hosts: ${[...context.fleets.keys()].join(", ")}).`,
          );
        }
        await fleet.kill();
        return () => fleet.restart();
      },
    },
  ];
  return new Map(faults.map((f) => [f.name, f]));
}
