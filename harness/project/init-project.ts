import { access, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../errors.ts";
import { scaffoldFiles } from "./scaffold-files.ts";

/**
 * `firedrill init`: writes firedrill.config.ts and an example scenario under drills/ into `dir`.
 * Refuses, naming the files, when any of them exists: it never overwrites what a user wrote.
 * Resolves to the paths written, relative to `dir`.
 */
export async function initProject(dir: string): Promise<string[]> {
  const files = Object.keys(scaffoldFiles);
  const existing: string[] = [];
  for (const file of files) {
    const taken = await access(path.join(dir, file)).then(
      () => true,
      () => false,
    );
    if (taken) existing.push(file);
  }
  if (existing.length > 0) {
    const [verb, them] = existing.length > 1 ? ["exist", "them"] : ["exists", "it"];
    throw new InputError(
      `Failed to scaffold a firedrill project: ${existing.join(" and ")} already ${verb}. \`firedrill init\` never overwrites a file: rename or remove ${them}, or edit ${them} by hand.`,
      { file: existing[0]! },
    );
  }
  for (const file of files) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    // "wx": should a file appear between the check and now, fail rather than overwrite it.
    const content = scaffoldFiles[file]!;
    const text = typeof content === "string" ? content : await readFile(content.copyOf, "utf8");
    await writeFile(path.join(dir, file), text, { flag: "wx" });
  }
  return files;
}
