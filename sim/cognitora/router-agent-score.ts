import type { SeededRandom } from "../core/seeded-random.ts";
import type { DirectoryEntry } from "./cognitora-directory.ts";
import type { AgentStats } from "./router-agent-forward.ts";

/**
 * How router.pick ranks an agent for a request: prefix overlap first, then the agent's load at
 * this router, then its power draw, with a little noise to break ties.
 */
export function scoreAgent(
  random: SeededRandom,
  stats: AgentStats,
  agent: DirectoryEntry,
  overlap: number,
): { score: number; load: number; power: number } {
  const load = stats.load.get(agent.id) ?? 0;
  const power = +agent.utilization().toFixed(3);
  const score =
    0.5 * overlap +
    0.35 * (1 - Math.min(1, load / 8)) +
    0.15 * (1 - power) +
    random.uniform(0, 0.05);
  return { score, load, power };
}
