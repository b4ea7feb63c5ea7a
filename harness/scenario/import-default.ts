import { pathToFileURL } from "node:url";

/**
 * Imports a TypeScript file (a scenario, firedrill.config.ts) and returns its default export.
 * In a project whose package.json lacks "type": "module", tsx runs the file as CommonJS and the
 * default export arrives wrapped in `module.exports`; that wrapper is taken off here.
 */
export async function importDefault(file: string): Promise<unknown> {
  const namespace = (await import(pathToFileURL(file).href)) as { default?: unknown };
  const exported = namespace.default;
  if (
    typeof exported === "object" &&
    exported !== null &&
    (exported as { __esModule?: unknown }).__esModule === true &&
    "default" in exported
  ) {
    return (exported as { default: unknown }).default;
  }
  return exported;
}
