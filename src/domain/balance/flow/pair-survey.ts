import { distanceKm, type Instance } from "../input/instance.ts";
import type { Network } from "../exact/pool-network.ts";

/** Arcs kept per source and per arrival before pricing. */
const NEAREST = 4;

interface Located {
  unit: number;
}

/** Which sources of a pool reach every arrival, and which arrivals every source reaches. */
export interface Coverage {
  sources: Uint8Array;
  arrivals: Uint8Array;
}

export interface PairSurvey {
  coverage: Coverage[];
  /** [pool, source, arrival] of each source's and each arrival's nearest partners within reach. */
  nearest: Array<[number, number, number]>;
}

/** Keeps the `limit` entries of smallest value, sorted. */
export function keepSmallest(
  list: Array<[number, number]>,
  value: number,
  index: number,
  limit: number,
): void {
  if (list.length >= limit && (list[list.length - 1]?.[0] ?? 0) <= value) return;
  let at = list.length;
  while (at > 0 && (list[at - 1]?.[0] ?? 0) > value) at--;
  list.splice(at, 0, [value, index]);
  if (list.length > limit) list.pop();
}

/**
 * One pass over every (source, arrival) pair of every pool. While no kilometre is counted, a source
 * that reaches every arrival can send through a hub, and so can any source to an arrival that every
 * source reaches: that covers most of a district (97 % of the pairs on 3,000 units and a 120 km bound),
 * and only the pairs between outlying units need arcs of their own. A source and an arrival of the same
 * unit never pair (a move stays within the unit), so neither uses a hub.
 */
export function surveyPairs(
  instance: Instance,
  network: Network,
  sources: ReadonlyArray<readonly Located[]>,
  arrivals: ReadonlyArray<readonly Located[]>,
): PairSurvey {
  const nearest: Array<[number, number, number]> = [];
  const coverage = sources.map((poolSources, pool) => {
    const poolArrivals = arrivals[pool] ?? [];
    const reachedBy = new Int32Array(poolArrivals.length);
    const byArrival = poolArrivals.map(() => [] as Array<[number, number]>);
    const full = Uint8Array.from(poolSources, (source, sourceIndex) => {
      const closest: Array<[number, number]> = [];
      let reached = 0;
      poolArrivals.forEach((arrival, arrivalIndex) => {
        if (!network.reachable(source.unit, arrival.unit)) return;
        reached++;
        reachedBy[arrivalIndex] = (reachedBy[arrivalIndex] ?? 0) + 1;
        const km = distanceKm(instance, source.unit, arrival.unit);
        keepSmallest(closest, km, arrivalIndex, NEAREST);
        keepSmallest(byArrival[arrivalIndex] ?? [], km, sourceIndex, NEAREST);
      });
      for (const [, arrival] of closest) nearest.push([pool, sourceIndex, arrival]);
      return reached === poolArrivals.length ? 1 : 0;
    });
    byArrival.forEach((list, arrival) => {
      for (const [, source] of list) nearest.push([pool, source, arrival]);
    });
    return {
      sources: full,
      arrivals: Uint8Array.from(reachedBy, (count) => (count === poolSources.length ? 1 : 0)),
    };
  });
  return { coverage, nearest };
}
