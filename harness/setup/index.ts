// The public entry of firedrill's provisioning: `npx firedrill setup` and ensureTools().
export { ensureTools } from "./ensure-tools.ts";
export { buildEvaluator, evaluatorBinaryPath, evaluatorSourceDir } from "./evaluator-build.ts";
export { findGo } from "./find-go.ts";
export { pins } from "./pins.ts";
export { printSetupProgress } from "./print-setup-progress.ts";
export { resolvePrometheusVersion } from "./resolve-prometheus-version.ts";
export { type SetupOptions, type SetupResult, setup } from "./setup.ts";
export { SetupError } from "./setup-error.ts";
export type { SetupProgress, SetupStepName, SetupStepResult } from "./setup-progress.ts";
