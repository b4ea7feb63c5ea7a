import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";

/** The first 12 hex digits of the builder manifest's sha256: the Collector's cache key. */
export async function collectorManifestHash(manifest: string): Promise<string> {
  return createHash("sha256")
    .update(await readFile(manifest))
    .digest("hex")
    .slice(0, 12);
}
