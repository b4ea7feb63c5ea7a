import type { EvaluatorEvent } from "./evaluator-process.ts";

/** Fleet seconds a restarted Prometheus or Alertmanager is away (a live restart at 30x). */
export const RESTART_SECONDS = 15;

/** The evaluator events of a stack.* or receiver.* fault. */
export function stackEvents(
  fault: { name: string; params?: Readonly<Record<string, unknown>> },
  action: "inject" | "heal",
  at: number,
): EvaluatorEvent[] {
  const restart = /^stack\.(prometheus|alertmanager)\.restart$/.exec(fault.name);
  if (restart && action === "inject") {
    const component = restart[1] as "prometheus" | "alertmanager";
    return [
      { at, kind: `${component}-down` },
      { at: at + RESTART_SECONDS, kind: `${component}-up` },
    ];
  }
  if (fault.name === "receiver.outage") {
    const receiver = String(fault.params?.receiver ?? "");
    return [{ at, kind: action === "inject" ? "receiver-down" : "receiver-up", receiver }];
  }
  return [];
}
