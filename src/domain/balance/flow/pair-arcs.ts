import { distanceKm, type Instance } from "../input/instance.ts";
import { keepSmallest } from "./pair-survey.ts";
import type { Network } from "../exact/pool-network.ts";
import { KM_UNIT, type FlowNetwork } from "./flow-network.ts";

/** Arcs added per source in one round of pricing. */
const PER_SOURCE = 8;

/** Arcs after which a round of pricing stops (XL's first kilometre round found 147,000 in 10 s). */
const ROUND_ARCS = 50_000;

export interface PairArc {
  pool: number;
  source: number;
  arrival: number;
  /** Centimetres. */
  cost: number;
}

/**
 * The source → arrival arcs of every pool. There can be millions (3,000 units), so only the nearest
 * start in the model; the rest are priced in when their reduced cost is negative (before kilometres
 * count, only the pairs no hub covers), and an arc an earlier tier priced above zero stays out (no
 * plan as good as that tier's optimum uses it).
 */
export class PairArcs {
  readonly arcs: PairArc[] = [];
  private readonly present: Array<Set<number>>;
  /** [pool, source] of every pool's sources one after another: the order pricing goes through them. */
  private readonly sources: Array<[number, number]>;
  /** Where the next round of pricing starts in `sources`. */
  private cursor = 0;

  constructor(
    private readonly instance: Instance,
    private readonly network: Network,
    private readonly flow: FlowNetwork,
  ) {
    this.present = flow.sources.map(() => new Set<number>());
    this.sources = flow.sources.flatMap((list, pool) =>
      list.map((_, source): [number, number] => [pool, source]),
    );
  }

  kmCost(from: number, to: number): number {
    return Math.round(distanceKm(this.instance, from, to) * KM_UNIT);
  }

  private add(pool: number, source: number, arrival: number, added: PairArc[]): void {
    const key = source * (this.flow.arrivals[pool]?.length ?? 0) + arrival;
    const present = this.present[pool];
    if (present === undefined || present.has(key)) return;
    present.add(key);
    const from = this.flow.sources[pool]?.[source]?.unit ?? 0;
    const to = this.flow.arrivals[pool]?.[arrival]?.unit ?? 0;
    const arc = { pool, source, arrival, cost: this.kmCost(from, to) };
    this.arcs.push(arc);
    added.push(arc);
  }

  /** For each source and each arrival, its nearest partners within reach (pair-survey.ts). */
  initial(): PairArc[] {
    const added: PairArc[] = [];
    for (const [pool, source, arrival] of this.flow.nearest) this.add(pool, source, arrival, added);
    return added;
  }

  /**
   * Arcs not yet in the model with a negative reduced cost under `potential` (cost counts only in the
   * kilometre tier), that every earlier tier's potentials (`earlier`) priced at exactly zero. A round
   * stops once it has ROUND_ARCS arcs or at `deadline`, and the next goes on from the source after the
   * last it looked at; `complete` is true when every source was looked at and none had an arc to add,
   * which proves the tier.
   */
  price(
    potential: (node: number) => number,
    km: boolean,
    earlier: readonly Float64Array[],
    deadline = Infinity,
  ): { arcs: PairArc[]; complete: boolean } {
    const added: PairArc[] = [];
    const orders = new Map<number, { order: number[]; height: number[] }>();
    for (let step = 0; step < this.sources.length; step++) {
      const at = (this.cursor + step) % this.sources.length;
      const [pool = 0, sourceIndex = 0] = this.sources[at] ?? [];
      let sorted = orders.get(pool);
      if (sorted === undefined) orders.set(pool, (sorted = this.byHeight(pool, potential)));
      this.priceSource(pool, sourceIndex, sorted, potential, km, earlier, added);
      const full = added.length >= ROUND_ARCS;
      if (full || (step % 256 === 255 && performance.now() > deadline)) {
        this.cursor = (at + 1) % this.sources.length;
        return { arcs: added, complete: false };
      }
    }
    return { arcs: added, complete: added.length === 0 };
  }

  /** A pool's arrivals from the highest potential down. */
  private byHeight(pool: number, potential: (node: number) => number) {
    const arrivals = this.flow.arrivals[pool] ?? [];
    const height = arrivals.map((arrival) => potential(arrival.node));
    const order = arrivals.map((_, index) => index);
    order.sort((a, b) => (height[b] ?? 0) - (height[a] ?? 0));
    return { order, height };
  }

  private priceSource(
    pool: number,
    sourceIndex: number,
    { order, height }: { order: number[]; height: number[] },
    potential: (node: number) => number,
    km: boolean,
    earlier: readonly Float64Array[],
    added: PairArc[],
  ): void {
    // Before kilometres count, a pair a hub covers costs what the path through the hub costs.
    const hub = km ? undefined : this.flow.coverage[pool];
    if (hub?.sources[sourceIndex] === 1) return;
    const source = this.flow.sources[pool]?.[sourceIndex];
    const arrivals = this.flow.arrivals[pool] ?? [];
    if (source === undefined) return;
    const present = this.present[pool] ?? new Set<number>();
    const base = potential(source.node);
    const found: Array<[number, number]> = [];
    for (const arrivalIndex of order) {
      const gain = (height[arrivalIndex] ?? 0) - base;
      if (gain <= 0) break;
      // No arc further down the order can cost less than −gain: the ones kept are the best.
      if (found.length === PER_SOURCE && (found[PER_SOURCE - 1]?.[0] ?? 0) <= -gain) break;
      if (present.has(sourceIndex * arrivals.length + arrivalIndex)) continue;
      if (hub?.arrivals[arrivalIndex] === 1) continue;
      const arrival = arrivals[arrivalIndex];
      if (arrival === undefined) continue;
      if (earlier.some((snapshot) => snapshot[source.node] !== snapshot[arrival.node])) continue;
      if (!this.network.reachable(source.unit, arrival.unit)) continue;
      const reduced = (km ? this.kmCost(source.unit, arrival.unit) : 0) - gain;
      if (reduced < 0) keepSmallest(found, reduced, arrivalIndex, PER_SOURCE);
    }
    for (const [, arrival] of found) this.add(pool, sourceIndex, arrival, added);
  }
}
