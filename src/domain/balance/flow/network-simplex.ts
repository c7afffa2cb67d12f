import { SpanningTree } from "./spanning-tree.ts";

/**
 * Primal network simplex for min-cost flow on typed arrays (Ahuja, Magnanti & Orlin, ch. 11): a
 * spanning tree rooted at an artificial node, block search pricing, Cunningham's strongly feasible
 * trees so that degenerate pivots cannot cycle. Nothing on npm fits (`min-cost-flow` is successive
 * shortest paths, far slower here), so it is written small and tested against HiGHS
 * (test/domain/balance/network-simplex.test.ts).
 *
 * Made for the lexicographic tiers of the flow core (solve-flow.ts): arcs may be added, costs changed
 * and non-tree arcs frozen at their bound, and the solve goes on from the last tree.
 *
 * Reduced cost of an arc u→v: cost + π(u) − π(v). At an optimum every free non-tree arc at its lower
 * bound has reduced cost ≥ 0 and every one at its upper bound ≤ 0.
 */

/** |root potential| beyond which potentials are set again (well inside 2^53, where sums stay exact). */
const DRIFT_LIMIT = 2 ** 46;
const TREE = 0;
const LOWER = 1;
const UPPER = -1;

export type SimplexStatus = "optimal" | "stopped" | "unbounded";

function grown<T extends Float64Array | Int32Array | Int8Array>(array: T, size: number): T {
  if (array.length >= size) return array;
  const next = new (array.constructor as new (length: number) => T)(Math.max(size, array.length * 2));
  next.set(array);
  return next;
}

export class NetworkSimplex {
  private readonly root: number;
  private arcCount = 0;
  private source = new Int32Array(16);
  private target = new Int32Array(16);
  private capacity = new Float64Array(16);
  private cost = new Float64Array(16);
  private flowOf = new Float64Array(16);
  private state = new Int8Array(16);
  private frozen = new Int8Array(16);
  private readonly potential: Float64Array;
  private readonly tree: SpanningTree;
  /** Artificial arcs, one per node, from this index on; frozen, so once out they stay out. */
  private artificialStart = -1;
  private nextArc = 0;

  /** `supply`: what each node sends (negative: receives); the supplies add up to 0. */
  constructor(
    private readonly nodeCount: number,
    private readonly supply: Float64Array,
  ) {
    this.root = nodeCount;
    this.potential = new Float64Array(nodeCount + 1);
    this.tree = new SpanningTree(nodeCount + 1);
  }

  get arcs(): number {
    return this.arcCount;
  }

  /** Adds an arc with flow 0 (at its lower bound); returns its index. */
  addArc(from: number, to: number, capacity: number, cost: number): number {
    const arc = this.arcCount++;
    const size = this.arcCount;
    this.source = grown(this.source, size);
    this.target = grown(this.target, size);
    this.capacity = grown(this.capacity, size);
    this.cost = grown(this.cost, size);
    this.flowOf = grown(this.flowOf, size);
    this.state = grown(this.state, size);
    this.frozen = grown(this.frozen, size);
    this.source[arc] = from;
    this.target[arc] = to;
    this.capacity[arc] = capacity;
    this.cost[arc] = cost;
    this.flowOf[arc] = 0;
    this.state[arc] = LOWER;
    this.frozen[arc] = 0;
    return arc;
  }

  flow(arc: number): number {
    return this.flowOf[arc] ?? 0;
  }

  potentialOf(node: number): number {
    return this.potential[node] ?? 0;
  }

  reducedCost(arc: number): number {
    return (
      (this.cost[arc] ?? 0) +
      (this.potential[this.source[arc] ?? 0] ?? 0) -
      (this.potential[this.target[arc] ?? 0] ?? 0)
    );
  }

  /** Any artificial arc still carrying flow: the supplies cannot be met. */
  infeasible(): boolean {
    for (let arc = this.artificialStart; arc >= 0 && arc < this.artificialStart + this.nodeCount; arc++)
      if ((this.flowOf[arc] ?? 0) > 0) return true;
    return false;
  }

  /** New costs for the real arcs (artificial arcs keep theirs); potentials are recomputed on the tree. */
  setCosts(costOf: (arc: number) => number): void {
    const end = this.artificialStart < 0 ? this.arcCount : this.artificialStart;
    for (let arc = 0; arc < end; arc++) this.cost[arc] = costOf(arc);
    for (let arc = end + this.nodeCount; arc < this.arcCount; arc++) this.cost[arc] = costOf(arc);
    if (this.artificialStart >= 0) this.recomputePotentials();
  }

  /**
   * Starts an arc at its upper bound (before the first solve): a start close to the optimum (here,
   * everyone staying) leaves the artificial arcs little to carry and the simplex few pivots.
   */
  startAtUpper(arc: number): void {
    if (this.artificialStart >= 0) throw new Error("the simplex has started");
    this.state[arc] = UPPER;
    this.flowOf[arc] = this.capacity[arc] ?? 0;
  }

  /** Keeps every non-tree arc whose reduced cost is not zero at its bound: later costs stay on this optimum. */
  freezeOptimalFace(): void {
    for (let arc = 0; arc < this.arcCount; arc++)
      if (this.state[arc] !== TREE && this.reducedCost(arc) !== 0) this.frozen[arc] = 1;
  }

  /**
   * Pivots until optimal, or until `deadline` or after `pivots` pivots ("stopped": the flow is still
   * feasible if it was, and costs no more than it did). The first call builds the artificial tree;
   * `artificialCost` must exceed any path's cost over every cost the arcs will have.
   */
  solve(artificialCost: number, deadline = Infinity, pivots = Infinity): SimplexStatus {
    if (this.artificialStart < 0) this.start(artificialCost);
    if (performance.now() > deadline) return "stopped";
    const blockSize = Math.max(16, Math.ceil(Math.sqrt(this.arcCount)));
    for (let iteration = 1; ; iteration++) {
      if ((iteration & 1023) === 0 && performance.now() > deadline) return "stopped";
      if (iteration > pivots) return "stopped";
      const entering = this.findEntering(blockSize);
      if (entering < 0) return "optimal";
      if (!this.pivot(entering)) return "unbounded";
    }
  }

  private start(artificialCost: number): void {
    const left = Float64Array.from(this.supply);
    for (let arc = 0; arc < this.arcCount; arc++) {
      const flow = this.flowOf[arc] ?? 0;
      left[this.source[arc] ?? 0] = (left[this.source[arc] ?? 0] ?? 0) - flow;
      left[this.target[arc] ?? 0] = (left[this.target[arc] ?? 0] ?? 0) + flow;
    }
    this.artificialStart = this.arcCount;
    const root = this.root;
    this.potential[root] = 0;
    for (let node = 0; node < this.nodeCount; node++) {
      const supply = left[node] ?? 0;
      const arc =
        supply > 0
          ? this.addArc(node, root, Infinity, artificialCost)
          : this.addArc(root, node, Infinity, artificialCost);
      this.flowOf[arc] = Math.abs(supply);
      this.state[arc] = TREE;
      this.frozen[arc] = 1;
      this.tree.hangLeaf(node, root, arc);
      this.potential[node] = supply > 0 ? -artificialCost : artificialCost;
    }
  }

  /** Block search: the most violating arc of the first block that has one, or −1 at an optimum. */
  private findEntering(blockSize: number): number {
    const total = this.arcCount;
    let best = -1;
    let bestViolation = -1e-9;
    let seen = 0;
    for (let step = 0; step < total; step++) {
      const arc = (this.nextArc + step) % total;
      if (this.frozen[arc] !== 1) {
        const violation = (this.state[arc] ?? 0) * this.reducedCost(arc);
        if (violation < bestViolation) {
          bestViolation = violation;
          best = arc;
        }
      }
      if (++seen >= blockSize) {
        if (best >= 0) {
          this.nextArc = (arc + 1) % total;
          return best;
        }
        seen = 0;
      }
    }
    if (best >= 0) this.nextArc = (best + 1) % total;
    return best;
  }

  /** Residual capacity of the tree arc above `node` for flow up to the parent (or down from it). */
  private residual(node: number, up: boolean): number {
    const arc = this.tree.pred[node] ?? 0;
    const flow = this.flowOf[arc] ?? 0;
    const forward = up ? this.source[arc] === node : this.target[arc] === node;
    return forward ? (this.capacity[arc] ?? 0) - flow : flow;
  }

  private push(node: number, amount: number, up: boolean): void {
    const arc = this.tree.pred[node] ?? 0;
    const forward = up ? this.source[arc] === node : this.target[arc] === node;
    this.flowOf[arc] = (this.flowOf[arc] ?? 0) + (forward ? amount : -amount);
  }

  /** One pivot; false when the cycle can carry unbounded flow at negative cost. */
  private pivot(entering: number): boolean {
    const { parent } = this.tree;
    const lower = this.state[entering] === LOWER;
    const first = (lower ? this.source[entering] : this.target[entering]) ?? 0;
    const second = (lower ? this.target[entering] : this.source[entering]) ?? 0;
    const join = this.tree.join(first, second);
    // The cycle runs join → first (down), the entering arc, second → join (up). The leaving arc is
    // the last blocking one in that order, which keeps the tree strongly feasible.
    let delta = this.capacity[entering] ?? 0;
    let leavingNode = -1;
    let side = 0;
    for (let node = first; node !== join; node = parent[node] ?? 0) {
      const residual = this.residual(node, false);
      if (residual < delta) {
        delta = residual;
        leavingNode = node;
        side = 1;
      }
    }
    for (let node = second; node !== join; node = parent[node] ?? 0) {
      const residual = this.residual(node, true);
      if (residual <= delta) {
        delta = residual;
        leavingNode = node;
        side = 2;
      }
    }
    if (delta === Infinity) return false;
    if (delta > 0) {
      this.flowOf[entering] = (this.flowOf[entering] ?? 0) + (lower ? delta : -delta);
      for (let node = first; node !== join; node = parent[node] ?? 0) this.push(node, delta, false);
      for (let node = second; node !== join; node = parent[node] ?? 0) this.push(node, delta, true);
    }
    if (side === 0) {
      this.state[entering] = lower ? UPPER : LOWER;
      return true;
    }
    const leaving = this.tree.pred[leavingNode] ?? 0;
    const inner = side === 1 ? first : second;
    const outer = side === 1 ? second : first;
    this.tree.reroot(inner, outer, entering, leavingNode, join);
    this.state[entering] = TREE;
    this.state[leaving] = (this.flowOf[leaving] ?? 0) === 0 ? LOWER : UPPER;
    const cost = this.cost[entering] ?? 0;
    const above = this.potential[outer] ?? 0;
    const shift = above + (this.source[entering] === inner ? -cost : cost) - (this.potential[inner] ?? 0);
    this.shiftSmallerSide(inner, shift);
    return true;
  }

  /**
   * The subtree now hanging at `inner` moved by `shift` relative to the rest; only differences of
   * potentials matter, so the smaller side moves. When the root's potential drifts far from 0, every
   * potential is set again from the tree, so that sums of large costs stay exact.
   */
  private shiftSmallerSide(inner: number, shift: number): void {
    if (shift === 0) return;
    const moved = this.tree.size[inner] ?? 0;
    const inside = moved <= (this.nodeCount + 1) / 2;
    const count = inside ? this.tree.collect(inner) : this.tree.collect(this.root, inner);
    const delta = inside ? shift : -shift;
    const { order } = this.tree;
    for (let index = 0; index < count; index++) {
      const node = order[index] ?? 0;
      this.potential[node] = (this.potential[node] ?? 0) + delta;
    }
    if (Math.abs(this.potential[this.root] ?? 0) > DRIFT_LIMIT) this.recomputePotentials();
  }

  /** Every potential from its parent's, the root's at 0. */
  private recomputePotentials(): void {
    this.potential[this.root] = 0;
    const count = this.tree.collect(this.root);
    const { order, parent, pred } = this.tree;
    for (let index = 1; index < count; index++) {
      const node = order[index] ?? 0;
      const arc = pred[node] ?? 0;
      const cost = this.cost[arc] ?? 0;
      this.potential[node] =
        (this.potential[parent[node] ?? 0] ?? 0) + (this.source[arc] === node ? -cost : cost);
    }
  }
}
