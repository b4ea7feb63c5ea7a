import type { Capability } from "./reactor-capabilities.ts";

// How a reactor-server's requests come out in normal operation, per capability: the tables the
// workload draws each request's latency and status from.

/** Share of requests failing with a 5xx normally (far below the 5% alert). */
export const BASE_5XX = 0.002;
export const FUNCTIONS_5XX = 0.005;
/** Capabilities that take a database connection per request. */
export const DB_BACKED: ReadonlySet<Capability> = new Set(["auth", "data", "storage", "jobs"]);
export const MEDIAN_SECONDS: Readonly<Record<Capability, number>> = {
  auth: 0.015,
  data: 0.012,
  storage: 0.04,
  functions: 0.02,
  jobs: 0.008,
  sites: 0.004,
};
/** Client errors per capability: status → probability. */
export const CLIENT_ERRORS: Readonly<Record<Capability, Readonly<Record<number, number>>>> = {
  auth: { 401: 0.04, 400: 0.01 },
  data: { 404: 0.015, 400: 0.005, 403: 0.005 },
  storage: { 404: 0.02, 403: 0.005 },
  functions: { 400: 0.01, 404: 0.003 },
  jobs: { 400: 0.005 },
  sites: { 404: 0.03 },
};
/** Requests that may breach a tenant quota (429), and the quota resource they count against. */
export const QUOTA: Partial<Record<Capability, "requests" | "storage" | "functions">> = {
  data: "requests",
  storage: "storage",
  functions: "functions",
};
export const QUOTA_CHANCE = 0.004;
/** The Supavisor pool's acquire timeout: exhausted requests fail after waiting this long. */
export const ACQUIRE_TIMEOUT_SECONDS = 5;

/** A 5xx burst: `ratio` of one capability's (or every capability's) requests fail. */
export interface ErrorBurst {
  readonly capability: Capability | "all";
  readonly ratio: number;
}

/** What a served request came to. */
export interface ServedRequest {
  readonly status: number;
  readonly durationSeconds: number;
}
