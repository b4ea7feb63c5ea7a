import { mkdir } from "node:fs/promises";
import { isAbsolute, join } from "node:path";
import { SimConfigError } from "../core/errors.ts";
import { SeededRandom } from "../core/seeded-random.ts";
import type { SystemDefinition } from "../core/system-definition.ts";
import { dsfbFaults } from "./dsfb-faults.ts";
import { DsfbNode } from "./dsfb-node.ts";

/** The environment variable naming the folder node_exporter's textfile collector reads. */
export const TEXTFILE_DIR_ENV = "DSFB_TEXTFILE_DIR";

/** The textfile folder from the host's environment, created; undefined when unset. */
async function textfileDir(
  env: Readonly<Record<string, string | undefined>>,
): Promise<string | undefined> {
  const dir = env[TEXTFILE_DIR_ENV];
  if (dir === undefined || dir === "") return undefined;
  if (!isAbsolute(dir)) {
    throw new SimConfigError(
      `Failed to start dsfb: ${TEXTFILE_DIR_ENV} must be an absolute path, got ${JSON.stringify(dir)}. Set it to an absolute folder or unset it.`,
      { file: TEXTFILE_DIR_ENV, field: TEXTFILE_DIR_ENV },
    );
  }
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new SimConfigError(
      `Failed to start dsfb: cannot create ${TEXTFILE_DIR_ENV} folder ${dir} (${(error as Error).message}). Point it at a writable folder.`,
      { file: TEXTFILE_DIR_ENV, field: TEXTFILE_DIR_ENV, cause: error },
    );
  }
  return dir;
}

/**
 * The DSFB motif-engine exporter (dsfb-database) as a sim host runs it: each node's residual
 * workload comes from the host seed and its id. When the host's environment sets
 * DSFB_TEXTFILE_DIR (an absolute folder), every node also writes `<dir>/<node id>.prom` for
 * node_exporter's textfile collector. Logs: DSFB_LOG (EnvFilter), DSFB_LOG_FORMAT.
 *
 * @example
 * const system = await dsfbSystem.start({ seed: 42, clock, logger, otlpEndpoint: undefined, env: { DSFB_TEXTFILE_DIR: "/tmp/textfile" } });
 * const node = system.createNode({ id: "dsfb-0", port: 0 });
 */
export const dsfbSystem: SystemDefinition<DsfbNode> = {
  name: "dsfb",
  async start(context) {
    const root = new SeededRandom(context.seed);
    const dir = await textfileDir(context.env ?? process.env);
    return {
      faults: dsfbFaults(),
      createNode: (spec) =>
        new DsfbNode({
          id: spec.id,
          port: spec.port,
          clock: context.clock,
          random: root.derive(`dsfb/node/${spec.id}`),
          logger: context.logger.forNode(spec.id),
          textfilePath: dir === undefined ? undefined : join(dir, `${spec.id}.prom`),
        }),
      close: async () => undefined,
    };
  },
};
