import { readFile } from "node:fs/promises";
import type { Catalogue } from "../../sim/index.ts";
import { InputError } from "../errors.ts";

/**
 * Reads one catalogue file (fixtures/<system>/catalogue.json, or one a user passes): the linter
 * and every report read catalogues through it. A file that is not JSON is an InputError naming it.
 */
export async function readCatalogueFile(file: string): Promise<Catalogue> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as Catalogue;
  } catch (cause) {
    throw new InputError(
      `Failed to read catalogue ${file}: ${(cause as Error).message}. Fix the JSON there.`,
      { cause, file },
    );
  }
}
