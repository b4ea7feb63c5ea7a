import type { ReactorContext } from "./reactor-context.ts";

/**
 * A reactor-server's function invocations: Bun functions run warm from a pool that grows to a
 * seeded size with every cold start (a restart empties it); other runtimes start cold one time
 * in ten. Each invocation is counted and timed.
 */
export class ReactorFunctionPool {
  readonly #ctx: Pick<ReactorContext, "random" | "deployment" | "metrics">;
  readonly #target: number;
  /** Warm Bun instances. */
  warm = 0;

  constructor(options: Pick<ReactorContext, "random" | "deployment" | "metrics">) {
    this.#ctx = options;
    this.#target = options.random.int(3, 8);
  }

  /** Invokes function `name`; returns its seconds (0 for a function the deployment lacks). */
  invoke(
    name: string,
    debug: (target: string, message: string, fields: Record<string, string>) => void,
  ): number {
    const fn = this.#ctx.deployment.functions.find((f) => f.name === name);
    if (!fn) return 0;
    const random = this.#ctx.random;
    const cold = fn.runtime === "bun" ? this.warm <= 0 || random.chance(0.03) : random.chance(0.1);
    if (cold && fn.runtime === "bun") this.warm = Math.min(this.#target, this.warm + 1);
    const seconds = Math.min(
      5,
      random.logNormal(fn.medianSeconds, 0.5) + (cold ? random.uniform(0.08, 0.3) : 0),
    );
    const labels = { function: fn.name, runtime: fn.runtime };
    this.#ctx.metrics.fnInvocations.inc(labels);
    this.#ctx.metrics.fnInvokeDuration.observe(
      { ...labels, start: cold ? "cold" : "warm" },
      seconds,
    );
    if (cold) debug("reactor_functions", "cold start", { ...labels });
    return seconds;
  }
}
