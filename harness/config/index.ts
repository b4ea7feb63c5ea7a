/**
 * The stack's configs for a run: pure renderers returning file text, the writer that puts them
 * in a run folder, the scaled command-line flags, and the promtool/amtool checks.
 */
export { checkAlertmanagerConfig, checkRules, testRules } from "./promtool.ts";
export {
  type AlertmanagerConfigInput,
  readAlertmanagerConfig,
} from "./read-alertmanager-config.ts";
export {
  type AlertmanagerConfigOptions,
  renderAlertmanagerConfig,
} from "./render-alertmanager-config.ts";
export {
  type CollectorConfigOptions,
  type CollectorPorts,
  renderCollectorConfig,
} from "./render-collector-config.ts";
export {
  type PrometheusConfigOptions,
  renderPrometheusConfig,
  type ScrapeJob,
  type ScrapeTarget,
} from "./render-prometheus-config.ts";
export { alertmanagerTimeFlags, prometheusTimeFlags } from "./time-flags.ts";
export {
  type StackConfigs,
  type WriteStackConfigsOptions,
  writeStackConfigs,
} from "./write-stack-configs.ts";
