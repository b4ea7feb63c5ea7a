import { runCommand } from "./run-command.ts";
import { SetupError } from "./setup-error.ts";

/** What a released module's own go.mod says that a build requiring it must repeat. */
export interface ModuleDirectives {
  /** The module's source in Go's module cache (read-only). */
  readonly dir: string;
  /** Its `go` line. */
  readonly go: string;
  /** Its replace and exclude lines, as go.mod text. */
  readonly lines: readonly string[];
}

/** One module path, optionally at a version, as `go mod edit -json` prints it. */
interface ModuleRef {
  readonly Path: string;
  readonly Version?: string;
}

/**
 * Downloads a module into Go's module cache (`go mod download -json`) and reads its go.mod's
 * `go`, `replace` and `exclude` lines (`go mod edit -json`): a main module's replace/exclude lines
 * are the only ones Go applies, so a go.mod that requires the module must carry them.
 */
export async function moduleDirectives(
  step: string,
  go: string,
  modulePath: string,
  version: string,
  env: Readonly<Record<string, string>>,
): Promise<ModuleDirectives> {
  const spec = `${modulePath}@${version}`;
  const downloaded = JSON.parse(
    (await runCommand(step, go, ["mod", "download", "-json", spec], { env })).stdout,
  ) as { Dir?: string; GoMod?: string; Error?: string };
  if (!downloaded.Dir || !downloaded.GoMod) {
    throw new SetupError(
      `Failed to download ${spec}: ${downloaded.Error ?? "go mod download gave no folder"}. Check that the Go module proxy answers (GOPROXY) and run \`npx firedrill setup\` again.`,
      { step, command: `go mod download -json ${spec}` },
    );
  }
  const edit = JSON.parse(
    (await runCommand(step, go, ["mod", "edit", "-json", downloaded.GoMod], { env })).stdout,
  ) as {
    Go?: string;
    Replace?: { Old: ModuleRef; New: ModuleRef }[] | null;
    Exclude?: ModuleRef[] | null;
  };
  const lines: string[] = [];
  for (const { Old, New } of edit.Replace ?? []) {
    if (New.Path.startsWith(".") || New.Path.startsWith("/")) {
      throw new SetupError(
        `Failed to build ${spec}: its go.mod replaces ${Old.Path} with the folder ${New.Path}, which a go.mod outside that module cannot carry. Pin another version in harness/setup/pins.ts.`,
        { step },
      );
    }
    lines.push(`replace ${ref(Old)} => ${ref(New)}`);
  }
  for (const excluded of edit.Exclude ?? []) lines.push(`exclude ${ref(excluded)}`);
  return { dir: downloaded.Dir, go: edit.Go ?? "1.23", lines };
}

/** "path" or "path version". */
function ref(module: ModuleRef): string {
  return module.Version ? `${module.Path} ${module.Version}` : module.Path;
}
