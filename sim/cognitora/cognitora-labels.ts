/**
 * The label values of Cognitora's series (fixtures/cognitora/catalogue.json lists the same):
 * every combination is created at zero on start, so a rate over an error series is 0, not absent.
 */
export const LABEL_VALUES = {
  /** cgn_router_requests_total: documented. */
  outcome: ["ok", "error", "rate_limited", "admission_rejected"],
  /** cgn_router_admission_rejected_total: documented. */
  reason: ["queue_full", "ttft_violation", "unavailable"],
  /** cgn_router_admission_inflight: the serving phase a request occupies (assumed). */
  admissionRole: ["prefill", "decode"],
  /** cgn_agent_kv_blocks_total: the KV-cache tiers (assumed). */
  agentTier: ["gpu", "cpu", "disk"],
  /** cgn_agent_kv_blocks_total: what happened to the blocks (assumed). */
  op: ["alloc", "free", "offload", "fetch", "evict"],
  /** cgn_kvcached_*: kvcached holds host memory and local disk (assumed). */
  kvcachedTier: ["cpu", "disk"],
  /** cgn_kvcached_lookup_seconds: whether the prefix was found (assumed). */
  lookupOutcome: ["hit", "miss", "error"],
  /** cgn_power_watts: documented as chassis, psu0, gpu0, …; psu1 and gpu1… follow the pattern. */
  component: ["chassis", "psu0", "psu1", "gpu0", "gpu1", "gpu2", "gpu3"],
} as const;
