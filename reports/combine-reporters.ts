import type { Reporter } from "../harness/result/index.ts";

// Every hook of Reporter, checked by the compiler: a hook added to the interface must be listed.
const HOOKS: Record<keyof Reporter, true> = {
  onSuiteStart: true,
  onScenarioStart: true,
  onPhase: true,
  onTick: true,
  onFault: true,
  onAlertChange: true,
  onDelivery: true,
  onScenarioEnd: true,
  onSuiteEnd: true,
  onRunsEnd: true,
};

type AnyHook = (...args: unknown[]) => void | Promise<void>;

/** One reporter that calls each of `reporters`' hooks in turn, awaiting each. */
export function combineReporters(reporters: readonly Reporter[]): Reporter {
  const combined: Partial<Record<keyof Reporter, AnyHook>> = {};
  for (const hook of Object.keys(HOOKS) as (keyof Reporter)[]) {
    const calls = reporters.flatMap((r) => {
      const fn = r[hook] as AnyHook | undefined;
      return fn ? [fn.bind(r)] : [];
    });
    if (calls.length === 0) continue;
    combined[hook] = async (...args) => {
      for (const call of calls) await call(...args);
    };
  }
  return combined as Reporter;
}
