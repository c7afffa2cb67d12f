import { bothLeft, inLeft, movesLeft, outLeft, type Instance } from "../input/instance.ts";
import type { Network } from "../exact/pool-network.ts";
import type { Transfer } from "../exact/pairing.ts";
import { NetworkSimplex } from "./network-simplex.ts";
import {
  ArcKind,
  buildFlowNetwork,
  staticCost,
  UNMET_UNIT,
  type FlowNetwork,
  type Tier,
} from "./flow-network.ts";
import { PairArcs, type PairArc } from "./pair-arcs.ts";
import type { StageTrace } from "../exact/stage-trace.ts";

export interface FlowResult {
  feedCounts: number[];
  transfers: Transfer[];
  tiersProven: number[];
  /** Least unmet demand of any plan, in hours (the first tier's optimum). */
  unmetBound: number;
}

/** Why the flow core gave the problem back to the MILP. */
export type FlowRefusal = "mixed-hours" | "caps" | "time";

/** People moving out of and into each unit, and out in all, against the policy's caps. */
class UnitMoves {
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
class FlowSolve {
  readonly simplex: NetworkSimplex;
  readonly pairs: PairArcs;
  private readonly pairArcOf: number[] = [];

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

  /** Keeps every arc whose reduced cost is not zero at its bound: later tiers stay on this optimum. */
  freezeOptimalFace(): void {
    for (let arc = 0; arc < this.simplex.arcs; arc++)
      if (!this.simplex.inTree(arc) && this.simplex.reducedCost(arc) !== 0) this.simplex.freeze(arc);
  }

  snapshot(): Float64Array {
    return Float64Array.from({ length: this.flow.nodeCount }, (_, node) => this.simplex.potentialOf(node));
  }

  staticFlow(index: number): number {
    return Math.round(this.simplex.flow(index));
  }

  transfers(): Transfer[] {
    const transfers: Transfer[] = [];
    this.pairs.arcs.forEach((pair, index) => {
      const count = Math.round(this.simplex.flow(this.pairArcOf[index] ?? 0));
      if (count <= 0) return;
      const from = this.flow.sources[pair.pool]?.[pair.source]?.unit ?? 0;
      const to = this.flow.arrivals[pair.pool]?.[pair.arrival]?.unit ?? 0;
      transfers.push({ pool: pair.pool, from, to, count });
    });
    return transfers;
  }

  /** Whether any flow still goes through a hub (the kilometre tier prices pair arcs until none does). */
  throughHubs(): boolean {
    return this.flow.arcs.some((arc, index) => arc.kind === ArcKind.intoHub && this.staticFlow(index) > 0);
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

/**
 * Solves the tiers in order on the flow network: each tier's optimum fixes, by reduced cost, every
 * arc no equally good plan can move, and the next tier goes on from the same tree. Exact when the
 * network could be built (one hours value per key) and the result keeps every cap; otherwise returns
 * why not, and the MILP decides.
 */
export function solveFlow(
  instance: Instance,
  network: Network,
  deadline: number,
  trace?: StageTrace,
): FlowResult | FlowRefusal {
  const result = flowTiers(instance, network, deadline);
  trace?.({
    stage: "flow",
    step: typeof result === "string" ? result : "proven",
    objective: null,
    bound: null,
    optimal: typeof result !== "string",
    at: performance.now(),
  });
  return result;
}

/**
 * From this many people, a district where a cap may bind is left to the MILP without trying: the flow's
 * first tier alone takes seconds there (4.4 s on L), and on the districts measured its optimum never kept
 * the caps (docs/flow-core.md).
 */
const LARGE_FROM_PEOPLE = 20_000;

/** Whether the network could move more people through some unit (or in all) than a cap allows. */
export function capsMayBind(instance: Instance, network: Network): boolean {
  const moves = new UnitMoves(instance.unitCount);
  const counted = new Set<number>();
  for (const feed of network.feeds) {
    const group = instance.groups[feed.group];
    if (group === undefined || counted.has(feed.group)) continue;
    counted.add(feed.group);
    moves.add(group.unit, true, network.groupLimits[feed.group] ?? 0);
  }
  for (const arrival of network.arrivals) moves.add(arrival.unit, false, arrival.upper);
  return moves.breaksCaps(instance);
}

function flowTiers(instance: Instance, network: Network, deadline: number): FlowResult | FlowRefusal {
  if (performance.now() >= deadline) return "time";
  if (instance.input.employees.length >= LARGE_FROM_PEOPLE && capsMayBind(instance, network)) return "caps";
  const flow = buildFlowNetwork(instance, network);
  if (flow === null) return "mixed-hours";
  const solve = new FlowSolve(instance, network, flow);
  solve.addPairs(solve.pairs.initial(), "unmet");
  const artificialCost = (flow.nodeCount + 1) * flow.maxCost + 1;
  const tiers: Tier[] =
    instance.version === 2 ? ["unmet", "severity", "moves", "km"] : ["unmet", "moves", "km"];
  const earlier: Float64Array[] = [];
  let unmetBound = 0;
  for (const tier of tiers) {
    solve.setTier(tier);
    for (;;) {
      if (solve.simplex.solve(artificialCost, deadline) !== "optimal") return "time";
      const added = solve.pairs.price((node) => solve.simplex.potentialOf(node), tier === "km", earlier);
      if (added.length === 0) break;
      if (performance.now() > deadline) return "time";
      solve.addPairs(added, tier);
    }
    if (tier === "unmet") unmetBound = solve.unmetHours();
    // The flow leaves the caps out. If its optimum breaks one, the capped optimum may be worse and
    // the flow cannot say by how much: the MILP decides, at the first tier that shows it.
    if (!solve.keepsCaps()) return "caps";
    solve.freezeOptimalFace();
    earlier.push(solve.snapshot());
  }
  // Cannot happen at an optimum (a hub costs more than the pair it stands for, and every such pair is
  // priced in); kept so that a flaw here sends the district to the MILP rather than into a plan.
  if (solve.throughHubs()) return "time";
  return {
    feedCounts: Array.from(flow.feedArc, (arc) => solve.staticFlow(arc)),
    transfers: solve.transfers(),
    tiersProven: tiers.map((_, index) => index + 1),
    unmetBound,
  };
}
