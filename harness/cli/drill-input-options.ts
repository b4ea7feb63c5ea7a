/**
 * The flags of a command that drills the user's rules (`export promtool`, `tune`): which rules
 * and routing, how fast, which Prometheus, where the report goes. Read with resolveDrillInputs.
 */
export const DRILL_INPUT_OPTIONS = {
  rules: { type: "string", multiple: true },
  "alertmanager-config": { type: "string" },
  speed: { type: "string", default: "30" },
  "prometheus-version": { type: "string" },
  "report-dir": { type: "string" },
} as const;
