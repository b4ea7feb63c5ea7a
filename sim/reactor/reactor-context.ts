import type { Clock } from "../core/clock.ts";
import type { SeededRandom } from "../core/seeded-random.ts";
import type { ReactorDeployment } from "./reactor-deployment.ts";
import type { ReactorLog } from "./reactor-log.ts";
import type { ReactorMetrics } from "./reactor-metrics.ts";

/** What a reactor-server's workload and its parts are given (each part takes what it uses). */
export interface ReactorContext {
  readonly clock: Clock;
  /** The part's own generator. */
  readonly random: SeededRandom;
  readonly deployment: ReactorDeployment;
  readonly metrics: ReactorMetrics;
  readonly log: ReactorLog;
}
