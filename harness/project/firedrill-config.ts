/**
 * What `firedrill.config.ts` default-exports (through `defineConfig`). Every field is the default
 * of a command-line flag of the same meaning; a flag given on the command line overrides it.
 * Relative paths are relative to the config file's folder.
 */
export interface FiredrillConfig {
  /** Scenario files (`*.scenario.ts`) or folders holding them: `run`'s and `coverage`'s inputs. */
  readonly scenarios?: readonly string[];
  /** Your alerting rule files, folders or globs (`--rules`); default: firedrill's example rules. */
  readonly rules?: readonly string[];
  /** Your Alertmanager configuration (`--alertmanager-config`). */
  readonly alertmanagerConfig?: string;
  /** How many times faster than the wall clock the fleet and the stack run (`--speed`, 1–120). */
  readonly speed?: number;
  /** `live` (the real stack) or `virtual` (Prometheus' own code on a fake clock) (`--time`). */
  readonly time?: "live" | "virtual";
  /** How many scenarios run at once, each on its own stack (`--jobs`, 1–8). */
  readonly jobs?: number;
  /** Reporters by name (`--reporter`), e.g. `["terminal", "junit"]`. */
  readonly reporters?: readonly string[];
  /** Where `run` writes its report (`--report-dir`). */
  readonly reportDir?: string;
  /** `processes` or `containers` (`--driver`). */
  readonly driver?: "processes" | "containers";
}
