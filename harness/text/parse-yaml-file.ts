import { type Document, parseDocument } from "yaml";
import { InputError } from "../errors.ts";

/**
 * Parses a YAML file the user wrote, keeping comments and layout. A syntax error becomes an
 * InputError naming the file and YAML's first line of explanation (which carries the line and
 * column).
 */
export function parseYamlFile(yamlText: string, file: string): Document.Parsed {
  const doc = parseDocument(yamlText);
  const [yamlError] = doc.errors;
  if (yamlError !== undefined) {
    const firstLine = (yamlError.message.split("\n")[0] ?? "").replace(/:$/, "");
    throw new InputError(`Failed to read ${file}: ${firstLine}. Fix the YAML there.`, {
      file,
      cause: yamlError,
    });
  }
  return doc;
}
