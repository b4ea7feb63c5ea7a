import { runCommand } from "./run-command.ts";
import { SetupError } from "./setup-error.ts";

/**
 * Runs `<binary> --version` and returns the version it reports ("2.42.0+ds", "0.155.0"), as the
 * first `version X` on its first lines.
 */
export async function toolVersion(step: string, binary: string): Promise<string> {
  const { stdout, stderr } = await runCommand(step, binary, ["--version"]);
  const text = `${stdout}\n${stderr}`;
  const match = /\bversion\s+v?(\S+)/.exec(text);
  if (!match?.[1]) {
    throw new SetupError(
      `Failed to read the version of ${binary}: \`${binary} --version\` printed no "version X" (${JSON.stringify(text.trim().slice(0, 200))}). Run \`npx firedrill setup --force\` to provision it again.`,
      { step, command: `${binary} --version` },
    );
  }
  return match[1];
}
