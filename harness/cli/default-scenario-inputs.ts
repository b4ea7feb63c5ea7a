import path from "node:path";
import { InputError } from "../errors.ts";
import { CONFIG_FILE } from "../project/load-config.ts";
import { isCheckout, repoRoot } from "../tools/tools.ts";

/**
 * The scenarios a command runs when neither the command line nor the config names any: the
 * checkout's own suite; in a user's project there is none to fall back on.
 */
export function defaultScenarioInputs(command: string): string[] {
  if (isCheckout) return [path.join(repoRoot, "scenarios")];
  throw new InputError(
    `${command}: name scenario files or folders, e.g. \`${command} drills/\`, or list them in ${CONFIG_FILE} (\`npx firedrill init\` writes one).`,
  );
}
