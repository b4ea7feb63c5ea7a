import type { Organism } from "./lattice-organisms.ts";

/**
 * A member's static role label: zipnet members are "server" (the document's zipnet_server_up is
 * per server), every other organism's members are "member". Raft leadership is not a role label —
 * it changes with every election, so it is the mosaik_raft_is_leader gauge instead (and whether
 * a member knows any leader is mosaik_raft_has_leader, the gauge the no-leader alert reads).
 */
export function latticeRole(organism: Organism): "server" | "member" {
  return organism === "zipnet" ? "server" : "member";
}
