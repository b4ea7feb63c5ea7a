import type { ComponentName } from "./types.ts";

/** One running component as a driver controls it (a process or a container). */
export interface ComponentHandle {
  readonly component: ComponentName;
  readonly logFile: string;
  /** Starts it and waits until it is ready; throws StartupError. */
  start(signal?: AbortSignal): Promise<void>;
  /** Stops it (SIGTERM, then SIGKILL after a deadline) and waits until it is gone; idempotent. */
  stop(): Promise<void>;
}
