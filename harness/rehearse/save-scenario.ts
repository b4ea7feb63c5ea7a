import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../errors.ts";

/**
 * Writes a scenario draft as `<dir>/<name>.scenario.ts`, never over an existing file: when the
 * name is taken it tries `<name>-2`, `<name>-3`, … (the file is created exclusively, so two
 * saves at once cannot both win). Resolves to the file written and the name used.
 */
export async function saveScenario(
  dir: string,
  name: string,
  render: (name: string) => string,
): Promise<{ file: string; name: string }> {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name)) {
    throw new InputError(
      `Failed to save the scenario: "${name}" is not a scenario name. Use lower-case words joined by dashes, e.g. "cosmictron-node-crash".`,
    );
  }
  await mkdir(dir, { recursive: true });
  for (let n = 1; n <= 100; n++) {
    const candidate = n === 1 ? name : `${name}-${n}`;
    const file = path.join(dir, `${candidate}.scenario.ts`);
    try {
      await writeFile(file, render(candidate), { flag: "wx" });
      return { file, name: candidate };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  throw new InputError(
    `Failed to save the scenario: ${name}.scenario.ts and 99 numbered variants exist in ${dir}. Choose another name.`,
  );
}
