/** The Cognitora binaries a node can run; every node serves its admin port with /metrics. */
export const COGNITORA_ROLES = ["cgn-router", "cgn-agent", "cgn-kvcached", "cgn-metrics"] as const;

/** One Cognitora binary. */
export type CognitoraRole = (typeof COGNITORA_ROLES)[number];
