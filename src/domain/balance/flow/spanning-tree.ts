/**
 * The spanning tree of the network simplex: each node's parent, the arc to it and its depth, with
 * children in doubly linked lists so that a subtree can be cut, turned and hung elsewhere in time
 * proportional to its size.
 */
export class SpanningTree {
  readonly parent: Int32Array;
  /** The tree arc between a node and its parent. */
  readonly pred: Int32Array;
  readonly depth: Int32Array;
  /** Nodes of the last `collect`, each after its parent. */
  readonly order: Int32Array;
  private readonly firstChild: Int32Array;
  private readonly nextSibling: Int32Array;
  private readonly previousSibling: Int32Array;

  constructor(size: number) {
    this.parent = new Int32Array(size).fill(-1);
    this.pred = new Int32Array(size).fill(-1);
    this.depth = new Int32Array(size);
    this.order = new Int32Array(size);
    this.firstChild = new Int32Array(size).fill(-1);
    this.nextSibling = new Int32Array(size).fill(-1);
    this.previousSibling = new Int32Array(size).fill(-1);
  }

  /** Hangs a node (with what is below it) from `above` by `arc`. */
  hang(node: number, above: number, arc: number): void {
    this.parent[node] = above;
    this.pred[node] = arc;
    this.depth[node] = (this.depth[above] ?? 0) + 1;
    const head = this.firstChild[above] ?? -1;
    this.nextSibling[node] = head;
    this.previousSibling[node] = -1;
    if (head >= 0) this.previousSibling[head] = node;
    this.firstChild[above] = node;
  }

  /** The deepest node above both (the apex of the cycle an entering arc closes). */
  join(first: number, second: number): number {
    let u = first;
    let v = second;
    while (u !== v) {
      const du = this.depth[u] ?? 0;
      const dv = this.depth[v] ?? 0;
      if (du >= dv) u = this.parent[u] ?? 0;
      if (dv >= du) v = this.parent[v] ?? 0;
    }
    return u;
  }

  /**
   * Cuts the subtree below the arc above `leavingNode` and hangs it from `outer` by `entering`, rooted
   * at `inner` (a node of that subtree): the path from `inner` up to `leavingNode` turns round.
   * The caller sets depths (and potentials) below `inner` again, in the order of `collect(inner)`.
   */
  reroot(inner: number, outer: number, entering: number, leavingNode: number): void {
    let node = inner;
    let newParent = outer;
    let newPred = entering;
    for (;;) {
      const oldParent = this.parent[node] ?? 0;
      const oldPred = this.pred[node] ?? 0;
      this.detach(node);
      this.hang(node, newParent, newPred);
      if (node === leavingNode) return;
      newParent = node;
      newPred = oldPred;
      node = oldParent;
    }
  }

  /** Lists `top` and every node below it in `order`, each after its parent; returns how many. */
  collect(top: number): number {
    let size = 0;
    let read = 0;
    this.order[size++] = top;
    while (read < size) {
      const node = this.order[read++] ?? 0;
      for (let child = this.firstChild[node] ?? -1; child >= 0; child = this.nextSibling[child] ?? -1)
        this.order[size++] = child;
    }
    return size;
  }

  private detach(node: number): void {
    const above = this.parent[node] ?? -1;
    const previous = this.previousSibling[node] ?? -1;
    const next = this.nextSibling[node] ?? -1;
    if (previous >= 0) this.nextSibling[previous] = next;
    else if (above >= 0) this.firstChild[above] = next;
    if (next >= 0) this.previousSibling[next] = previous;
  }
}
