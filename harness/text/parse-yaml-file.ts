import { type Document, parseDocument } from "yaml";
import { yamlInputError } from "./yaml-input-error.ts";

/**
 * Parses a YAML file the user wrote, keeping comments and layout. A syntax error becomes an
 * InputError naming the file and YAML's first line of explanation (which carries the line and
 * column).
 */
export function parseYamlFile(yamlText: string, file: string): Document.Parsed {
  const doc = parseDocument(yamlText);
  const [yamlError] = doc.errors;
  if (yamlError !== undefined) throw yamlInputError(yamlError, file);
  return doc;
}
