import { buildEvaluator, findGo } from "../setup/index.ts";

let built: Promise<string> | undefined;

/**
 * The evaluator binary for the current sources, built once per process when missing: virtual
 * time runs on it, and every run routes alerts through its `routes` mode (Alertmanager's own
 * routing tree) to compute windows.
 */
export function ensureEvaluator(log: (line: string) => void = () => undefined): Promise<string> {
  built ??= (async () =>
    (
      await buildEvaluator({
        step: "evaluator",
        go: await findGo("evaluator"),
        onStart: (detail) => log(`setup: ${detail}`),
      })
    ).binary)();
  return built;
}
