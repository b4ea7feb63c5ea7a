/** One scheduled callback of a VirtualClock: due at `at`, ties broken by `seq` (first added first). */
export interface HeapTimer {
  at: number;
  readonly seq: number;
  readonly fn: () => void;
  readonly every?: number;
  cancelled: boolean;
}

/**
 * A binary min-heap of timers ordered by (at, seq): a VirtualClock pops the next due timer in
 * O(log n) instead of sorting every timer on every step, which dominated large fleets' runs.
 * Cancelled timers stay in the heap until they surface and are dropped then.
 */
export class TimerHeap {
  readonly #items: HeapTimer[] = [];

  /** How many timers the heap holds, cancelled ones included. */
  get size(): number {
    return this.#items.length;
  }

  /** The next timer due (not cancelled), without removing it. */
  peek(): HeapTimer | undefined {
    while (this.#items.length > 0 && this.#items[0]!.cancelled) this.pop();
    return this.#items[0];
  }

  /** Adds a timer. */
  push(timer: HeapTimer): void {
    const items = this.#items;
    items.push(timer);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  /** Removes and returns the earliest timer (cancelled or not). */
  pop(): HeapTimer | undefined {
    const items = this.#items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    items[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < items.length && before(items[left]!, items[least]!)) least = left;
      if (right < items.length && before(items[right]!, items[least]!)) least = right;
      if (least === i) break;
      [items[i], items[least]] = [items[least]!, items[i]!];
      i = least;
    }
    return top;
  }
}

// The order VirtualClock has always run timers in: by due time, then by when they were added.
function before(a: HeapTimer, b: HeapTimer): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
