/** Base class of the simulated fleet's own errors. */
export class SimError extends Error {
  override name = "SimError";
}

/** A sim host config (file or object) is invalid. Names the file and the field. */
export class SimConfigError extends SimError {
  override name = "SimConfigError";
  readonly file: string;
  readonly field: string;
  constructor(message: string, options: { file: string; field: string; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.file = options.file;
    this.field = options.field;
  }
}

/** A loopback port a simulated server wanted is already taken. */
export class PortBusyError extends SimError {
  override name = "PortBusyError";
  readonly port: number;
  constructor(message: string, options: { port: number; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.port = options.port;
  }
}

/** A fault request names an unknown fault or target, or carries bad params (HTTP 400). */
export class FaultRequestError extends SimError {
  override name = "FaultRequestError";
}

/** No active fault has the given id (HTTP 404); the message names the ids that are active. */
export class FaultNotFoundError extends SimError {
  override name = "FaultNotFoundError";
  readonly id: string;
  constructor(id: string, active: readonly string[]) {
    const ids = active.length ? active.join(", ") : "none";
    super(
      `Failed to heal fault "${id}": no active fault has that id. Use an id from GET /faults (active: ${ids}).`,
    );
    this.id = id;
  }
}

/** A log filter string (Rust `tracing` EnvFilter syntax) cannot be parsed. */
export class EnvFilterError extends SimError {
  override name = "EnvFilterError";
  readonly directive: string;
  constructor(message: string, options: { directive: string }) {
    super(message);
    this.directive = options.directive;
  }
}
