import { execa } from "execa";
import { SetupError } from "./setup-error.ts";

/** How many trailing output lines a failed command's error keeps. */
const tailLines = 20;

/** Options for runCommand. */
export interface RunCommandOptions {
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string>>;
  /** Called with each line the command writes to stdout or stderr (for heartbeats). */
  readonly onLine?: (line: string) => void;
  /** What to tell the user when the command cannot be started at all (not installed). */
  readonly missingRemedy?: string;
}

/** What a finished command wrote. */
export interface CommandOutput {
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs one command of a setup step; on failure throws a SetupError naming the step, the command
 * line, its exit code and its last stderr lines.
 */
export async function runCommand(
  step: string,
  command: string,
  args: readonly string[],
  options: RunCommandOptions = {},
): Promise<CommandOutput> {
  const commandLine = [command, ...args].join(" ");
  const lines: string[] = [];
  const keep = (line: string) => {
    lines.push(line);
    if (lines.length > tailLines) lines.shift();
    options.onLine?.(line);
  };
  // A line transform (execa's generator) lets heartbeats show the phase of long builds live.
  const tap = function* (line: unknown) {
    if (typeof line === "string" && line.trim() !== "") keep(line);
    yield line;
  };
  const subprocess = execa(command, [...args], {
    cwd: options.cwd,
    env: { ...options.env },
    reject: false,
    stdin: "ignore",
    stdout: ["pipe", tap],
    stderr: ["pipe", tap],
  });
  const result = await subprocess;
  if (result.failed) {
    const notFound = (result.cause as NodeJS.ErrnoException | undefined)?.code === "ENOENT";
    if (notFound) {
      throw new SetupError(
        `Failed to run step ${step}: \`${command}\` was not found (${commandLine}). ${
          options.missingRemedy ?? `Install ${command} and run \`npx firedrill setup\` again`
        }.`,
        { step, command: commandLine, cause: result.cause },
      );
    }
    const stderrTail = (
      String(result.stderr ?? "").trim() === "" ? lines : stderrLines(result.stderr)
    )
      .slice(-tailLines)
      .join("\n");
    const how =
      result.exitCode !== undefined
        ? `exited with code ${result.exitCode}`
        : `was killed by ${result.signal ?? "a signal"}`;
    throw new SetupError(
      `Failed to run step ${step}: \`${commandLine}\` ${how}. Fix the cause in its output below and run \`npx firedrill setup\` again.\n${stderrTail}`,
      { step, command: commandLine, commandExitCode: result.exitCode, stderrTail, cause: result },
    );
  }
  return { stdout: String(result.stdout ?? ""), stderr: String(result.stderr ?? "") };
}

/** Non-empty lines of a captured stream. */
function stderrLines(text: unknown): string[] {
  return String(text)
    .split("\n")
    .filter((line) => line.trim() !== "");
}
