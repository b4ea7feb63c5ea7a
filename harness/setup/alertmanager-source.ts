import { chmod, cp, mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/** What the placeholder pages say in place of the web UI. */
const placeholder = `<!doctype html>
<title>Alertmanager</title>
<p>firedrill built this Alertmanager from its Go module, which does not ship the compiled web UI
(ui/app/dist). The UI was not built; the HTTP API (/api/v2) is complete.</p>
`;

/**
 * Copies Alertmanager's released module source (read-only in Go's module cache) into a writable
 * folder and adds the ui/app/dist pages its `//go:embed app/dist` needs: the module zip lacks
 * them (they are built by npm in Alertmanager's release process), so `cmd/alertmanager` does not
 * compile from the module as is. The pages say the UI was not built; firedrill uses only the API.
 */
export async function alertmanagerSource(moduleDir: string, target: string): Promise<string> {
  await rm(target, { recursive: true, force: true });
  await mkdir(path.dirname(target), { recursive: true });
  await cp(moduleDir, target, { recursive: true });
  await makeWritable(target);
  for (const ui of ["elm", "mantine"]) {
    const dir = path.join(target, "ui/app/dist", ui);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "index.html"), placeholder);
  }
  return target;
}

/** chmod u+w through a tree copied from the module cache (0444 files, 0555 folders). */
async function makeWritable(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) await makeWritable(file);
    else await chmod(file, 0o644);
  }
}
