/**
 * What a run started, stopped newest first when the run's `await using` block ends, however it
 * ends. A stop that fails does not keep the others from stopping; it is handed to `onFailure`
 * (the run says it on the terminal) rather than swallowed.
 *
 * @example
 * await using teardown = new Teardown((what, error) => console.error(what, error));
 * const sink = await WebhookSink.start();
 * teardown.defer("the webhook sink", () => sink.close());
 */
export class Teardown implements AsyncDisposable {
  readonly #steps: { readonly what: string; readonly stop: () => Promise<unknown> }[] = [];
  readonly #onFailure: (what: string, error: unknown) => unknown;

  constructor(onFailure: (what: string, error: unknown) => unknown) {
    this.#onFailure = onFailure;
  }

  /** Stops `what` with `stop` when the teardown runs, before everything deferred earlier. */
  defer(what: string, stop: () => Promise<unknown>): void {
    this.#steps.push({ what, stop });
  }

  async [Symbol.asyncDispose](): Promise<void> {
    for (let step = this.#steps.pop(); step !== undefined; step = this.#steps.pop()) {
      try {
        await step.stop();
      } catch (error) {
        await this.#onFailure(step.what, error);
      }
    }
  }
}
