import { rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { SimError } from "../core/errors.ts";

/**
 * Writes a node_exporter textfile atomically: the text goes to a hidden temporary file in the
 * same folder (not ending in `.prom`, so the collector never reads it half-written) that is then
 * renamed over the target. Writes run one at a time; while one runs, only the newest pending
 * text is kept, so a burst of updates costs at most two writes.
 *
 * @example
 * const writer = new TextfileWriter("/var/lib/node_exporter/textfile/dsfb-0.prom");
 * writer.write(renderPrometheusText(snapshot));
 * await writer.idle();
 */
export class TextfileWriter {
  readonly path: string;
  readonly #temp: string;
  #pending: string | undefined;
  #running: Promise<void> | undefined;
  #lastError: Error | undefined;

  constructor(path: string) {
    this.path = path;
    this.#temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  }

  /** The last failed write's error, if the newest write failed. */
  get lastError(): Error | undefined {
    return this.#lastError;
  }

  /** Schedules `text` to replace the file's content. */
  write(text: string): void {
    this.#pending = text;
    this.#running ??= this.#drain();
  }

  /** Resolves once every scheduled write has finished (or failed: see lastError). */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  // Writes pending texts until none is left.
  async #drain(): Promise<void> {
    try {
      while (this.#pending !== undefined) {
        const text = this.#pending;
        this.#pending = undefined;
        try {
          await writeFile(this.#temp, text, "utf8");
          await rename(this.#temp, this.path);
          this.#lastError = undefined;
        } catch (error) {
          await rm(this.#temp, { force: true }).catch(() => undefined);
          this.#lastError = new SimError(
            `Failed to write textfile ${this.path}: ${(error as Error).message}. Check that its folder exists and is writable.`,
            { cause: error },
          );
        }
      }
    } finally {
      this.#running = undefined;
    }
  }
}
