import type { YAMLError } from "yaml";
import { InputError } from "../errors.ts";

/** The InputError for a YAML syntax error: the file and YAML's first line (with line and column). */
export function yamlInputError(yamlError: YAMLError, file: string): InputError {
  const firstLine = (yamlError.message.split("\n")[0] ?? "").replace(/:$/, "");
  return new InputError(`Failed to read ${file}: ${firstLine}. Fix the YAML there.`, {
    file,
    cause: yamlError,
  });
}
