import { type Document, type LineCounter, parseAllDocuments } from "yaml";
import { yamlInputError } from "./yaml-input-error.ts";

/**
 * Parses a YAML stream the user wrote (one or more `---` documents, as Helm and kustomize render
 * them). A syntax error in any document becomes an InputError, as parseYamlFile words it.
 */
export function parseYamlStream(
  yamlText: string,
  file: string,
  lineCounter?: LineCounter,
): Document.Parsed[] {
  const parsed = parseAllDocuments(yamlText, lineCounter ? { lineCounter } : {});
  const docs = Array.isArray(parsed) ? parsed : [];
  for (const doc of docs) {
    const [yamlError] = doc.errors;
    if (yamlError !== undefined) throw yamlInputError(yamlError, file);
  }
  return docs;
}
