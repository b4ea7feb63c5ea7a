import { chmod, readFile, rename, writeFile } from "node:fs/promises";
import { SetupError } from "./setup-error.ts";

/** Where Debian's build of Alertmanager looks for default.tmpl, compiled in. */
const debianTemplateDir = "/usr/share/prometheus/alertmanager";
/**
 * The same folder relative to the unpacked package's root, padded to the same length (a doubled
 * slash) so the string can be replaced in place in the binary.
 */
const relativeTemplateDir = "usr/share/prometheus//alertmanager";

/**
 * Writes a copy of Debian's Alertmanager that finds its default templates relative to its working
 * directory instead of in /usr/share, so it runs from .tools/ without a system install: the
 * drivers start it in the unpacked package's root (processes) or in / (containers).
 */
export async function relocateAlertmanager(
  step: string,
  source: string,
  target: string,
): Promise<void> {
  const binary = await readFile(source);
  const from = Buffer.from(debianTemplateDir);
  const to = Buffer.from(relativeTemplateDir);
  // Only the bare folder: ".../ui/" and ".../no-ui" are separate strings the --web.ui-path flag covers.
  const matches: number[] = [];
  for (let at = binary.indexOf(from); at !== -1; at = binary.indexOf(from, at + 1)) {
    if (binary[at + from.length] !== "/".charCodeAt(0)) matches.push(at);
  }
  if (matches.length !== 1 || from.length !== to.length) {
    throw new SetupError(
      `Failed to prepare Alertmanager: expected its template folder ${debianTemplateDir} once in ${source}, found it ${matches.length} times. The pinned Debian package changed; update harness/setup/pins.ts and this step together.`,
      { step },
    );
  }
  to.copy(binary, matches[0]!);
  const partial = `${target}.partial-${process.pid}`;
  await writeFile(partial, binary);
  await chmod(partial, 0o755);
  await rename(partial, target);
}
