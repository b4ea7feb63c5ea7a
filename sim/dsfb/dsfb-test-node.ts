import type { VirtualClock } from "../core/clock.ts";
import { SeededRandom } from "../core/seeded-random.ts";
import { quietLogger } from "../test-support/quiet-logger.ts";
import { DsfbNode } from "./dsfb-node.ts";

/**
 * The DSFB node the dsfb tests run: dsfb-0 on any free port, seed "42" as a host derives it,
 * logging nowhere; optionally writing its textfile to `textfilePath`. Not started.
 */
export function dsfbTestNode(
  clock: VirtualClock,
  options: { readonly textfilePath?: string | undefined } = {},
): DsfbNode {
  return new DsfbNode({
    id: "dsfb-0",
    port: 0,
    clock,
    random: new SeededRandom("42").derive("dsfb/node/dsfb-0"),
    logger: quietLogger(clock),
    textfilePath: options.textfilePath,
  });
}
