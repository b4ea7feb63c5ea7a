import { EffectStack } from "./effect-stack.ts";

/**
 * One EffectStack per key (a node, a lattice, an agent), created on first use, so that the faults
 * acting on one key heal independently of each other and of other keys'.
 *
 * @example
 * const modes = new KeyedEffects<"error" | "timeout">();
 * const heal = modes.add("cosmictron-0", "error");
 * modes.of("cosmictron-0")?.latest(); // "error"
 */
export class KeyedEffects<T> {
  readonly #stacks = new Map<string, EffectStack<T>>();

  /** Adds a value for `key`; the returned function removes exactly this one. */
  add(key: string, value: T): () => void {
    let stack = this.#stacks.get(key);
    if (!stack) {
      stack = new EffectStack<T>();
      this.#stacks.set(key, stack);
    }
    return stack.add(value);
  }

  /** The values acting on `key`; undefined when none was ever added. */
  of(key: string): EffectStack<T> | undefined {
    return this.#stacks.get(key);
  }
}
