/** Base class of firedrill's own errors: each carries the exit code the CLI ends with. */
export class FiredrillError extends Error {
  override name = "FiredrillError";
  /** 1: an expectation failed; 2: bad input or a stack that will not start. */
  readonly exitCode: number = 2;
}

/** Bad user input: a scenario, rule file, config or flag. Names the file and the place. */
export class InputError extends FiredrillError {
  override name = "InputError";
  readonly file: string | undefined;
  constructor(message: string, options: { cause?: unknown; file?: string } = {}) {
    super(message, { cause: options.cause });
    this.file = options.file;
  }
}

/** A binary of the stack is not provisioned. */
export class ToolsMissingError extends FiredrillError {
  override name = "ToolsMissingError";
  readonly missing: readonly string[];
  constructor(message: string, options: { cause?: unknown; missing: readonly string[] }) {
    super(message, { cause: options.cause });
    this.missing = options.missing;
  }
}

/** A component (Prometheus, Alertmanager, Collector, a sim host) failed to start or stay up. */
export class StartupError extends FiredrillError {
  override name = "StartupError";
  readonly component: string;
  /** The last lines the component logged, for the message and the report. */
  readonly logTail: string;
  constructor(message: string, options: { cause?: unknown; component: string; logTail?: string }) {
    super(message, { cause: options.cause });
    this.component = options.component;
    this.logTail = options.logTail ?? "";
  }
}

/** A port firedrill wanted on loopback is taken by another process. */
export class PortBusyError extends FiredrillError {
  override name = "PortBusyError";
  readonly port: number;
  constructor(message: string, options: { port: number; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.port = options.port;
  }
}
