import { distanceKm, type Instance } from "../input/instance.ts";
import { keepSmallest } from "./pair-survey.ts";
import type { Network } from "../exact/pool-network.ts";
import { KM_UNIT, type FlowNetwork } from "./flow-network.ts";

/** Arcs added per source in one round of pricing. */
const PER_SOURCE = 8;

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

  constructor(
    private readonly instance: Instance,
    private readonly network: Network,
    private readonly flow: FlowNetwork,
  ) {
    this.present = flow.sources.map(() => new Set<number>());
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
   * kilometre tier), that every earlier tier's potentials (`earlier`) priced at exactly zero.
   */
  price(potential: (node: number) => number, km: boolean, earlier: readonly Float64Array[]): PairArc[] {
    const added: PairArc[] = [];
    this.flow.sources.forEach((sources, pool) => {
      // Before kilometres count, a pair a hub covers costs what the path through the hub costs.
      const hub = km ? undefined : this.flow.coverage[pool];
      const arrivals = this.flow.arrivals[pool] ?? [];
      const order = arrivals.map((_, index) => index);
      const height = order.map((index) => potential(arrivals[index]?.node ?? 0));
      order.sort((a, b) => (height[b] ?? 0) - (height[a] ?? 0));
      const present = this.present[pool] ?? new Set<number>();
      sources.forEach((source, sourceIndex) => {
        if (hub?.sources[sourceIndex] === 1) return;
        const base = potential(source.node);
        const found: Array<[number, number]> = [];
        for (const arrivalIndex of order) {
          const gain = (height[arrivalIndex] ?? 0) - base;
          if (gain <= 0) break;
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
      });
    });
    return added;
  }
}
