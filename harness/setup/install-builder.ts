import { access } from "node:fs/promises";
import path from "node:path";
import { runCommand } from "./run-command.ts";

/** What installBuilder needs. */
export interface BuilderInstallRequest {
  readonly step: string;
  readonly go: string;
  /** GOBIN: .tools/bin. */
  readonly binDir: string;
  readonly module: string;
  readonly version: string;
  readonly force?: boolean;
  readonly onStart?: (detail: string) => void;
}

/**
 * Installs the OpenTelemetry Collector Builder at the pinned version with `go install` into
 * binDir, unless the one there already reports that version.
 */
export async function installBuilder(
  request: BuilderInstallRequest,
): Promise<{ binary: string; cached: boolean }> {
  const binary = path.join(request.binDir, "builder");
  if (!request.force && (await reportsVersion(request.step, binary, request.version))) {
    return { binary, cached: true };
  }
  request.onStart?.(`go install ${request.module}@${request.version}`);
  await runCommand(request.step, request.go, ["install", `${request.module}@${request.version}`], {
    env: { GOBIN: request.binDir },
  });
  return { binary, cached: false };
}

/** Whether the builder at that path exists and reports the pinned version. */
async function reportsVersion(step: string, binary: string, version: string): Promise<boolean> {
  const present = await access(binary).then(
    () => true,
    () => false,
  );
  if (!present) return false;
  // The builder prints its version on stdout or stderr depending on the release.
  const output = await runCommand(step, binary, ["version"]).catch(() => ({
    stdout: "",
    stderr: "",
  }));
  return `${output.stdout}\n${output.stderr}`.includes(version);
}
