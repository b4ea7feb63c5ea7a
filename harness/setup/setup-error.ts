import { FiredrillError } from "../errors.ts";

/** A step of `firedrill setup` failed: names the step, the command, its exit code and stderr. */
export class SetupError extends FiredrillError {
  override name = "SetupError";
  /** The step that failed: "prometheus", "alertmanager", "builder", "otelcol" or "manifest". */
  readonly step: string;
  /** The command line that failed, when a command failed. */
  readonly command: string | undefined;
  /** Its exit code; undefined when it could not be started or was killed. */
  readonly commandExitCode: number | undefined;
  /** The last lines it wrote to stderr. */
  readonly stderrTail: string;
  constructor(
    message: string,
    options: {
      step: string;
      command?: string;
      commandExitCode?: number;
      stderrTail?: string;
      cause?: unknown;
    },
  ) {
    super(message, { cause: options.cause });
    this.step = options.step;
    this.command = options.command;
    this.commandExitCode = options.commandExitCode;
    this.stderrTail = options.stderrTail ?? "";
  }
}
