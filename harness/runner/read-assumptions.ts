import { readCatalogueFile } from "../lint/read-catalogue-file.ts";

/** Reads the catalogues' assumed metrics, so every report can list them. */
export async function readAssumptions(catalogues: readonly string[]) {
  const out: { metric: string; system: string; reason: string }[] = [];
  for (const file of catalogues) {
    const catalogue = await readCatalogueFile(file);
    for (const m of catalogue.metrics) {
      if (m.source === "assumed") {
        out.push({ metric: m.name, system: catalogue.system, reason: m.reason ?? "" });
      }
    }
  }
  return out;
}
