/**
 * The values of the faults currently acting on one knob of a node; each add returns its own
 * removal, so overlapping faults heal independently.
 *
 * @example
 * const stalls = new EffectStack<number>();
 * const heal = stalls.add(1.5);
 * stalls.max(); // 1.5
 * heal();
 */
export class EffectStack<T> {
  #entries: { value: T }[] = [];

  /** Adds a value; the returned function removes exactly this one. */
  add(value: T): () => void {
    const entry = { value };
    this.#entries.push(entry);
    return () => {
      this.#entries = this.#entries.filter((e) => e !== entry);
    };
  }

  get size(): number {
    return this.#entries.length;
  }

  /** The most recently added value still active. */
  latest(): T | undefined {
    return this.#entries[this.#entries.length - 1]?.value;
  }

  values(): T[] {
    return this.#entries.map((e) => e.value);
  }

  /** The largest active value (numbers), or undefined when none. */
  max(this: EffectStack<number>): number | undefined {
    return this.#entries.length ? Math.max(...this.#entries.map((e) => e.value)) : undefined;
  }
}
