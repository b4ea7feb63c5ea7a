import { buildEvaluator, findGo } from "../setup/index.ts";

let built: Promise<string> | undefined;

/**
 * The evaluator binary for the current sources, built once per process when missing: virtual
 * time runs on it, and every run routes alerts through its `routes` mode (Alertmanager's own
 * routing tree) to compute windows. A failed build is forgotten, so a later call (after the
 * user fixed Go, say) tries again instead of repeating the old error.
 */
export function ensureEvaluator(log: (line: string) => void = () => undefined): Promise<string> {
  if (built) return built;
  const attempt = (async () =>
    (
      await buildEvaluator({
        step: "evaluator",
        go: await findGo("evaluator"),
        onStart: (detail) => log(`setup: ${detail}`),
      })
    ).binary)();
  built = attempt;
  attempt.catch(() => {
    if (built === attempt) built = undefined;
  });
  return attempt;
}
