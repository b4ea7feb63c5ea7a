import type { FiredrillConfig } from "./firedrill-config.ts";

/**
 * Types a `firedrill.config.ts`, as vitest's and Playwright's `defineConfig` do.
 * @example export default defineConfig({ scenarios: ["drills/"], rules: ["deploy/rules/"] });
 */
export function defineConfig(config: FiredrillConfig): FiredrillConfig {
  return config;
}
