import { AbstractWaitStrategy, type ProbeResult } from "./abstract-wait-strategy.ts";

/** How long one probe may take before it counts as not ready. */
const probeTimeoutMs = 2_000;

/** Ready when GET <url> answers with the expected status (200). */
export class HttpWaitStrategy extends AbstractWaitStrategy {
  private status = 200;

  constructor(private readonly url: string) {
    super();
  }

  /** Expects another status than 200. */
  forStatusCode(status: number): this {
    this.status = status;
    return this;
  }

  protected describe(): string {
    return `GET ${this.url} answering ${this.status}`;
  }

  protected async probe(_target: unknown, signal?: AbortSignal): Promise<ProbeResult> {
    const timeout = AbortSignal.timeout(probeTimeoutMs);
    try {
      const response = await fetch(this.url, {
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      await response.body?.cancel();
      return response.status === this.status
        ? { ready: true }
        : { ready: false, observed: `HTTP ${response.status}` };
    } catch (error) {
      signal?.throwIfAborted();
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      return { ready: false, observed: cause?.code ?? cause?.message ?? (error as Error).message };
    }
  }
}
