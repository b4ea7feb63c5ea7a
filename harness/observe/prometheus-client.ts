/** One alert instance as Prometheus' /api/v1/alerts reports it. */
export interface PrometheusAlert {
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly state: "pending" | "firing";
  /** RFC 3339 wall time at which the alert became pending. */
  readonly activeAt: string;
  readonly value: string;
}

/** One scrape target as /api/v1/targets reports it. */
export interface PrometheusTarget {
  readonly labels: Readonly<Record<string, string>>;
  readonly scrapeUrl: string;
  readonly health: "up" | "down" | "unknown";
  readonly lastError: string;
}

/** An instant vector sample. */
export interface VectorSample {
  readonly metric: Readonly<Record<string, string>>;
  readonly value: readonly [number, string];
}

/** A range vector series. */
export interface MatrixSeries {
  readonly metric: Readonly<Record<string, string>>;
  readonly values: readonly (readonly [number, string])[];
}

/** A thin client for the Prometheus HTTP API (v1) that fails loudly on errors. */
export class PrometheusClient {
  readonly url: string;
  readonly #timeoutMs: number;

  constructor(url: string, options: { timeoutMs?: number } = {}) {
    this.url = url.replace(/\/$/, "");
    this.#timeoutMs = options.timeoutMs ?? 5_000;
  }

  /** Active (pending and firing) alerts. */
  async alerts(): Promise<PrometheusAlert[]> {
    const data = await this.#get<{ alerts: PrometheusAlert[] }>("/api/v1/alerts");
    return data.alerts;
  }

  /** Active scrape targets. */
  async targets(): Promise<PrometheusTarget[]> {
    const data = await this.#get<{ activeTargets: PrometheusTarget[] }>(
      "/api/v1/targets?state=active",
    );
    return data.activeTargets;
  }

  /** Evaluates an instant query; `time` in seconds since the epoch (wall time). */
  async query(promql: string, time?: number): Promise<VectorSample[]> {
    return this.#instant<VectorSample>(promql, time);
  }

  /** Evaluates an instant query that yields a range vector (`x[5m]`): raw samples. */
  async queryMatrix(promql: string, time?: number): Promise<MatrixSeries[]> {
    return this.#instant<MatrixSeries>(promql, time);
  }

  async #instant<T>(promql: string, time: number | undefined): Promise<T[]> {
    const params = new URLSearchParams({ query: promql });
    if (time !== undefined) params.set("time", String(time));
    const data = await this.#get<{ resultType: string; result: T[] }>(`/api/v1/query?${params}`);
    return data.result;
  }

  /** Evaluates a range query; times in seconds since the epoch, step in seconds. */
  async queryRange(
    promql: string,
    start: number,
    end: number,
    step: number,
  ): Promise<MatrixSeries[]> {
    const params = new URLSearchParams({
      query: promql,
      start: String(start),
      end: String(end),
      step: String(step),
    });
    const data = await this.#get<{ result: MatrixSeries[] }>(`/api/v1/query_range?${params}`);
    return data.result;
  }

  /** Metric metadata (type and help) as scraped, keyed by metric name. */
  async metadata(): Promise<Record<string, { type: string; help: string }[]>> {
    return this.#get("/api/v1/metadata");
  }

  /** The server's version, from /api/v1/status/buildinfo. */
  async version(): Promise<string> {
    const data = await this.#get<{ version: string }>("/api/v1/status/buildinfo");
    return data.version;
  }

  async #get<T>(pathAndQuery: string): Promise<T> {
    const response = await fetch(`${this.url}${pathAndQuery}`, {
      signal: AbortSignal.timeout(this.#timeoutMs),
    });
    const body = (await response.json()) as { status: string; data: T; error?: string };
    if (body.status !== "success") {
      throw new Error(
        `Failed to query Prometheus at ${this.url}${pathAndQuery}: ${body.error ?? response.statusText}.`,
      );
    }
    return body.data;
  }
}
