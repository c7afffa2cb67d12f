/**
 * The spanning tree of the network simplex: each node's parent, the arc to it and the size of its
 * subtree, with children in doubly linked lists so that a subtree can be cut, turned and hung elsewhere.
 * Subtree sizes find the apex of a cycle (an ancestor is always larger than its descendants) and change
 * only along the cycle, so a pivot costs the cycle's length plus the smaller side it splits the tree
 * into (network-simplex.ts moves the potentials of that side).
 */
export class SpanningTree {
  readonly parent: Int32Array;
  /** The tree arc between a node and its parent. */
  readonly pred: Int32Array;
  /** Nodes in each node's subtree, itself included. */
  readonly size: Int32Array;
  /** Nodes of the last `collect`, each after its parent. */
  readonly order: Int32Array;
  private readonly firstChild: Int32Array;
  private readonly nextSibling: Int32Array;
  private readonly previousSibling: Int32Array;
  private readonly stem: Int32Array;

  constructor(count: number) {
    this.parent = new Int32Array(count).fill(-1);
    this.pred = new Int32Array(count).fill(-1);
    this.size = new Int32Array(count).fill(1);
    this.order = new Int32Array(count);
    this.stem = new Int32Array(count);
    this.firstChild = new Int32Array(count).fill(-1);
    this.nextSibling = new Int32Array(count).fill(-1);
    this.previousSibling = new Int32Array(count).fill(-1);
  }

  /** Hangs a leaf from the root at the start (sizes: `root` gains one). */
  hangLeaf(node: number, root: number, arc: number): void {
    this.link(node, root, arc);
    this.size[root] = (this.size[root] ?? 0) + 1;
  }

  /** The deepest node above both (the apex of the cycle an entering arc closes). */
  join(first: number, second: number): number {
    let u = first;
    let v = second;
    while (u !== v) {
      if ((this.size[u] ?? 0) < (this.size[v] ?? 0)) u = this.parent[u] ?? 0;
      else v = this.parent[v] ?? 0;
    }
    return u;
  }

  /**
   * Cuts the subtree below the arc above `leavingNode` and hangs it from `outer` by `entering`, rooted
   * at `inner` (a node of that subtree): the path from `inner` up to `leavingNode` turns round. `join`
   * is the cycle's apex, above which no size changes.
   */
  reroot(inner: number, outer: number, entering: number, leavingNode: number, join: number): void {
    const moved = this.size[leavingNode] ?? 0;
    for (let node = this.parent[leavingNode] ?? 0; node !== join; node = this.parent[node] ?? 0)
      this.size[node] = (this.size[node] ?? 0) - moved;
    for (let node = outer; node !== join; node = this.parent[node] ?? 0)
      this.size[node] = (this.size[node] ?? 0) + moved;
    let length = 0;
    for (let node = inner; ; node = this.parent[node] ?? 0) {
      this.stem[length++] = node;
      if (node === leavingNode) break;
    }
    // Turned round, each stem node keeps what hung off it and gains the stem above it.
    let above = 0;
    for (let index = length - 1; index >= 1; index--) {
      const node = this.stem[index] ?? 0;
      above += (this.size[node] ?? 0) - (this.size[this.stem[index - 1] ?? 0] ?? 0);
      this.size[node] = above;
    }
    this.size[inner] = moved;
    let newParent = outer;
    let newPred = entering;
    for (let index = 0; index < length; index++) {
      const node = this.stem[index] ?? 0;
      const oldPred = this.pred[node] ?? 0;
      this.detach(node);
      this.link(node, newParent, newPred);
      newParent = node;
      newPred = oldPred;
    }
  }

  /**
   * Lists `top` and every node below it in `order`, each after its parent, leaving out the subtree of
   * `skip`; returns how many.
   */
  collect(top: number, skip = -1): number {
    let count = 0;
    let read = 0;
    this.order[count++] = top;
    while (read < count) {
      const node = this.order[read++] ?? 0;
      for (let child = this.firstChild[node] ?? -1; child >= 0; child = this.nextSibling[child] ?? -1)
        if (child !== skip) this.order[count++] = child;
    }
    return count;
  }

  private link(node: number, above: number, arc: number): void {
    this.parent[node] = above;
    this.pred[node] = arc;
    const head = this.firstChild[above] ?? -1;
    this.nextSibling[node] = head;
    this.previousSibling[node] = -1;
    if (head >= 0) this.previousSibling[head] = node;
    this.firstChild[above] = node;
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
