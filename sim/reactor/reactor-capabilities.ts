/**
 * The capabilities the unified reactor-server mounts, in the document's order; each logs under
 * the tracing target `reactor_<capability>`.
 */
export const CAPABILITIES = ["auth", "data", "storage", "functions", "jobs", "sites"] as const;

/** One mounted capability of reactor-server. */
export type Capability = (typeof CAPABILITIES)[number];
