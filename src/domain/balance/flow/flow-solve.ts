import { bothLeft, inLeft, movesLeft, outLeft, type Instance } from "../input/instance.ts";
import type { Network } from "../exact/pool-network.ts";
import type { Transfer } from "../exact/pairing.ts";
import { pairHubs, type HubFlow } from "./hub-pairing.ts";
import { NetworkSimplex } from "./network-simplex.ts";
import { ArcKind, staticCost, UNMET_UNIT, type FlowNetwork, type Tier } from "./flow-network.ts";
import { PairArcs, type PairArc } from "./pair-arcs.ts";

/** People moving out of and into each unit, and out in all, against the policy's caps. */
export class UnitMoves {
  private readonly out: Float64Array;
  private readonly into: Float64Array;
  private total = 0;

  constructor(unitCount: number) {
    this.out = new Float64Array(unitCount);
    this.into = new Float64Array(unitCount);
  }

  add(unit: number, leaving: boolean, count: number): void {
    if (!leaving) {
      this.into[unit] = (this.into[unit] ?? 0) + count;
      return;
    }
    this.out[unit] = (this.out[unit] ?? 0) + count;
    this.total += count;
  }

  breaksCaps(instance: Instance): boolean {
    if (this.total > movesLeft(instance)) return true;
    for (let unit = 0; unit < instance.unitCount; unit++) {
      const [leaving, coming] = [this.out[unit] ?? 0, this.into[unit] ?? 0];
      if (leaving === 0 && coming === 0) continue;
      if (leaving > outLeft(instance, unit) || coming > inLeft(instance, unit)) return true;
      if (leaving + coming > bothLeft(instance, unit)) return true;
    }
    return false;
  }
}

/** The flow network in the simplex: static arcs first, then the artificial ones, then pair arcs. */
export class FlowSolve {
  readonly simplex: NetworkSimplex;
  readonly pairs: PairArcs;
  private readonly pairArcOf: number[] = [];
  private unitByNode: Map<number, number> | undefined;

  constructor(
    readonly instance: Instance,
    readonly network: Network,
    readonly flow: FlowNetwork,
  ) {
    this.simplex = new NetworkSimplex(flow.nodeCount, flow.supply);
    this.pairs = new PairArcs(instance, network, flow);
    for (const arc of flow.arcs) this.simplex.addArc(arc.from, arc.to, arc.capacity, 0);
    this.startWhereEveryoneStays();
  }

  /** Each key keeps its own people: y = D, its first segments full. */
  private startWhereEveryoneStays(): void {
    const filled = new Map<number, number>();
    this.flow.arcs.forEach((arc, index) => {
      if (arc.kind !== ArcKind.segment) return;
      const used = filled.get(arc.from) ?? 0;
      if (used + arc.capacity > (this.flow.supply[arc.from] ?? 0)) return;
      filled.set(arc.from, used + arc.capacity);
      this.simplex.startAtUpper(index);
    });
  }

  /** Adds pair arcs priced for the current tier (their kilometres count only in the last). */
  addPairs(added: readonly PairArc[], tier: Tier): void {
    for (const pair of added) {
      const from = this.flow.sources[pair.pool]?.[pair.source]?.node ?? 0;
      const to = this.flow.arrivals[pair.pool]?.[pair.arrival]?.node ?? 0;
      this.pairArcOf.push(this.simplex.addArc(from, to, Infinity, tier === "km" ? pair.cost : 0));
    }
  }

  /** Cost of every arc under a tier; artificial arcs are left alone by the simplex. */
  setTier(tier: Tier): void {
    const costs = new Float64Array(this.simplex.arcs);
    this.flow.arcs.forEach((arc, index) => (costs[index] = staticCost(this.flow, arc, tier)));
    if (tier === "km")
      this.pairs.arcs.forEach((pair, index) => (costs[this.pairArcOf[index] ?? 0] = pair.cost));
    this.simplex.setCosts((arc) => costs[arc] ?? 0);
  }

  snapshot(): Float64Array {
    return Float64Array.from({ length: this.flow.nodeCount }, (_, node) => this.simplex.potentialOf(node));
  }

  staticFlow(index: number): number {
    return Math.round(this.simplex.flow(index));
  }

  /** Every arc's flow now: a tier's plan, kept while the next tier is solved. */
  flows(): Float64Array {
    return Float64Array.from({ length: this.simplex.arcs }, (_, arc) => Math.round(this.simplex.flow(arc)));
  }

  /** People leaving through each feed of the pool network, in a plan given by its `flows()`. */
  feedCounts(flows: Float64Array): number[] {
    return Array.from(this.flow.feedArc, (arc) => flows[arc] ?? 0);
  }

  /**
   * Who goes from which unit to which, in a plan given by its `flows()`: the pair arcs, and what goes
   * through a hub (every pair a hub carries is within reach). A proven plan has nothing in the hubs; a
   * tier stopped by the time limit may.
   */
  transfers(flows: Float64Array): Transfer[] {
    const transfers: Transfer[] = [];
    this.pairs.arcs.forEach((pair, index) => {
      const count = flows[this.pairArcOf[index] ?? 0] ?? 0;
      if (count <= 0) return;
      const from = this.flow.sources[pair.pool]?.[pair.source]?.unit ?? 0;
      const to = this.flow.arrivals[pair.pool]?.[pair.arrival]?.unit ?? 0;
      transfers.push({ pool: pair.pool, from, to, count });
    });
    const hubs = new Map<number, HubFlow>();
    const hubOf = (node: number, pool: number) => {
      let hub = hubs.get(node);
      if (hub === undefined) hubs.set(node, (hub = { pool, into: [], out: [] }));
      return hub;
    };
    this.flow.arcs.forEach((arc, index) => {
      const count = flows[index] ?? 0;
      if (count <= 0) return;
      if (arc.kind === ArcKind.intoHub) hubOf(arc.to, arc.ref).into.push([this.unitOfNode(arc.from), count]);
      if (arc.kind === ArcKind.outOfHub) hubOf(arc.from, arc.ref).out.push([this.unitOfNode(arc.to), count]);
    });
    transfers.push(...pairHubs(this.instance, [...hubs.values()]));
    return transfers;
  }

  private unitOfNode(node: number): number {
    if (this.unitByNode === undefined) {
      this.unitByNode = new Map();
      for (const list of [...this.flow.sources, ...this.flow.arrivals])
        for (const entry of list) this.unitByNode.set(entry.node, entry.unit);
    }
    return this.unitByNode.get(node) ?? 0;
  }

  /** Whether the flow keeps every cap: the flow problem leaves them out, so its optimum may not. */
  keepsCaps(): boolean {
    const moves = new UnitMoves(this.instance.unitCount);
    this.flow.arcs.forEach((arc, index) => {
      const unit = this.flow.unitOfArc[index] ?? -1;
      if (unit >= 0) moves.add(unit, arc.kind === ArcKind.depart, this.staticFlow(index));
    });
    return !moves.breaksCaps(this.instance);
  }

  /** Unmet hours after the flow: each key's unmet at y = 0 plus what its segments changed. */
  unmetHours(): number {
    let eighths = 0;
    this.flow.arcs.forEach((arc, index) => {
      if (arc.kind === ArcKind.segment)
        eighths += (this.flow.segments[arc.ref]?.unmet ?? 0) * this.simplex.flow(index);
    });
    return this.flow.unmetAtStart + eighths / UNMET_UNIT;
  }
}
