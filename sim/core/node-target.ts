/** A fault's target as most factories take it: a node id; absent means every node it acts on. */
export interface NodeTarget {
  readonly node?: string;
}

/** The node id of a NodeTarget: the `target` of most systems' fault schema groups. */
export function byNode(options: NodeTarget): string | undefined {
  return options.node;
}
