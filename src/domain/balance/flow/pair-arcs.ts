import { distanceKm, type Instance } from "../input/instance.ts";
import type { Network } from "../exact/pool-network.ts";
import { KM_UNIT, type FlowNetwork } from "./flow-network.ts";

/** Arcs kept per source and per arrival before pricing, and arcs added per source in one round. */
const NEAREST = 4;
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
 * start in the model; the rest are priced in when their reduced cost is negative, and an arc an
 * earlier tier priced above zero stays out (no plan as good as that tier's optimum uses it).
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

  /** The largest cost a pair arc can have: the distance bound, or half the earth's circumference. */
  maxCost(): number {
    const bound = Number.isFinite(this.instance.maxDistanceKm) ? this.instance.maxDistanceKm : 20_038;
    return Math.ceil(bound * KM_UNIT) + 1;
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

  /** For each source and each arrival, its nearest partners within reach. */
  initial(): PairArc[] {
    const added: PairArc[] = [];
    this.flow.sources.forEach((sources, pool) => {
      const arrivals = this.flow.arrivals[pool] ?? [];
      const byArrival = arrivals.map(() => [] as Array<[number, number]>);
      sources.forEach((source, sourceIndex) => {
        const nearest: Array<[number, number]> = [];
        arrivals.forEach((arrival, arrivalIndex) => {
          if (!this.network.reachable(source.unit, arrival.unit)) return;
          const km = distanceKm(this.instance, source.unit, arrival.unit);
          keepNearest(nearest, km, arrivalIndex);
          keepNearest(byArrival[arrivalIndex] ?? [], km, sourceIndex);
        });
        for (const [, arrival] of nearest) this.add(pool, sourceIndex, arrival, added);
      });
      byArrival.forEach((nearest, arrival) => {
        for (const [, source] of nearest) this.add(pool, source, arrival, added);
      });
    });
    return added;
  }

  /**
   * Arcs not yet in the model with a negative reduced cost under `potential` (cost counts only in the
   * kilometre tier), that every earlier tier's potentials (`earlier`) priced at exactly zero.
   */
  price(potential: (node: number) => number, km: boolean, earlier: readonly Float64Array[]): PairArc[] {
    const added: PairArc[] = [];
    this.flow.sources.forEach((sources, pool) => {
      const arrivals = this.flow.arrivals[pool] ?? [];
      const order = arrivals.map((_, index) => index);
      const height = order.map((index) => potential(arrivals[index]?.node ?? 0));
      order.sort((a, b) => (height[b] ?? 0) - (height[a] ?? 0));
      const present = this.present[pool] ?? new Set<number>();
      sources.forEach((source, sourceIndex) => {
        const base = potential(source.node);
        const found: Array<[number, number]> = [];
        for (const arrivalIndex of order) {
          const gain = (height[arrivalIndex] ?? 0) - base;
          if (gain <= 0) break;
          if (present.has(sourceIndex * arrivals.length + arrivalIndex)) continue;
          const arrival = arrivals[arrivalIndex];
          if (arrival === undefined) continue;
          if (earlier.some((snapshot) => snapshot[source.node] !== snapshot[arrival.node])) continue;
          if (!this.network.reachable(source.unit, arrival.unit)) continue;
          const reduced = (km ? this.kmCost(source.unit, arrival.unit) : 0) - gain;
          if (reduced < 0) keepNearest(found, reduced, arrivalIndex, PER_SOURCE);
        }
        for (const [, arrival] of found) this.add(pool, sourceIndex, arrival, added);
      });
    });
    return added;
  }
}

/** Keeps the `limit` entries of smallest value, sorted. */
function keepNearest(list: Array<[number, number]>, value: number, index: number, limit = NEAREST): void {
  if (list.length >= limit && (list[list.length - 1]?.[0] ?? 0) <= value) return;
  let at = list.length;
  while (at > 0 && (list[at - 1]?.[0] ?? 0) > value) at--;
  list.splice(at, 0, [value, index]);
  if (list.length > limit) list.pop();
}
