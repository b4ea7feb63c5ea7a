import { fileURLToPath } from "node:url";

/** The absolute path of a file under fixtures/ (e.g. "dsfb/rules.yml"), for tests that read it. */
export function fixturePath(file: string): string {
  return fileURLToPath(new URL(`../../fixtures/${file}`, import.meta.url));
}
