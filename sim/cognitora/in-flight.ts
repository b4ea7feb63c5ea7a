/**
 * Tracks a node's outstanding asynchronous work (requests it sends or serves), so a test on a
 * virtual clock can wait until every request of the fleet seconds it advanced has finished.
 *
 * @example
 * const inFlight = new InFlight();
 * void inFlight.track(sendRequest());
 * await inFlight.idle();
 */
export class InFlight {
  readonly #pending = new Set<Promise<unknown>>();

  get size(): number {
    return this.#pending.size;
  }

  track<T>(work: Promise<T>): Promise<T> {
    this.#pending.add(work);
    const done = () => this.#pending.delete(work);
    work.then(done, done);
    return work;
  }

  /** Resolves once nothing is outstanding, including work started while waiting. */
  async idle(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
  }
}
