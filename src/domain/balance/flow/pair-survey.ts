import KDBush from "kdbush";
import { around } from "geokdbush";
import { greatCircleKm, type Place } from "../../geo.ts";
import { distanceKm, type Instance } from "../input/instance.ts";
import type { Network } from "../exact/pool-network.ts";

/** Arcs kept per source and per arrival before pricing. */
export const NEAREST = 4;

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

/** Pairs looked at one by one for the nearest-first start; beyond it a spatial index finds them (XL). */
const NEAREST_BUDGET = 30_000_000;

/** The corners of the box around some units' coordinates (null: none has coordinates). */
function cornersOf(instance: Instance, units: readonly Located[]): Place[] | null {
  let [south, north, west, east] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const { unit } of units) {
    const { lat, lon } = instance.input.units[unit] ?? {};
    if (lat == null || lon == null) continue;
    [south, north, west, east] = [
      Math.min(south, lat),
      Math.max(north, lat),
      Math.min(west, lon),
      Math.max(east, lon),
    ];
  }
  if (south > north) return null;
  return [
    { lat: south, lon: west },
    { lat: south, lon: east },
    { lat: north, lon: west },
    { lat: north, lon: east },
  ];
}

/**
 * Whether a unit reaches every point of the box: along a parallel the distance grows with the difference
 * in longitude and along a meridian it is largest at an end, so the farthest point is a corner. Units
 * without coordinates are at distance 0 from everything (DISTANCE_SLACK aside, this only says yes when
 * every pair is surely within reach).
 */
function reachesBox(instance: Instance, unit: number, corners: Place[] | null): boolean {
  if (corners === null || !instance.hasCoordinates[unit] || !Number.isFinite(instance.maxDistanceKm))
    return true;
  const place = instance.input.units[unit];
  return corners.every((corner) => greatCircleKm(place, corner) < instance.maxDistanceKm - 1e-6);
}

/**
 * Which sources and arrivals pair through a hub. While no kilometre is counted, a source that reaches
 * every arrival can send through a hub, and so can any source to an arrival that every source reaches:
 * on 3,000 units and a 120 km bound that covers 97 % of the pairs, and only the pairs between outlying
 * units need arcs of their own. A source and an arrival of the same unit never pair (a move stays
 * within the unit), so neither uses a hub. Then, while the pairs are few enough to look at one by one,
 * each source's and arrival's nearest partners within reach, to start the kilometre tier from.
 */
export function surveyPairs(
  instance: Instance,
  network: Network,
  sources: ReadonlyArray<readonly Located[]>,
  arrivals: ReadonlyArray<readonly Located[]>,
): PairSurvey {
  const coverage = sources.map((poolSources, pool) => {
    const poolArrivals = arrivals[pool] ?? [];
    const arrivalUnits = new Set(poolArrivals.map((arrival) => arrival.unit));
    const sourceUnits = new Set(poolSources.map((source) => source.unit));
    const [arrivalBox, sourceBox] = [cornersOf(instance, poolArrivals), cornersOf(instance, poolSources)];
    return {
      sources: Uint8Array.from(poolSources, ({ unit }) =>
        !arrivalUnits.has(unit) && reachesBox(instance, unit, arrivalBox) ? 1 : 0,
      ),
      arrivals: Uint8Array.from(poolArrivals, ({ unit }) =>
        !sourceUnits.has(unit) && reachesBox(instance, unit, sourceBox) ? 1 : 0,
      ),
    };
  });
  const pairs = sources.reduce((sum, list, pool) => sum + list.length * (arrivals[pool]?.length ?? 0), 0);
  return {
    coverage,
    nearest:
      pairs <= NEAREST_BUDGET
        ? nearestPairs(instance, network, sources, arrivals)
        : nearestIndexed(instance, network, sources, arrivals),
  };
}

export function nearestPairs(
  instance: Instance,
  network: Network,
  sources: ReadonlyArray<readonly Located[]>,
  arrivals: ReadonlyArray<readonly Located[]>,
): Array<[number, number, number]> {
  const nearest: Array<[number, number, number]> = [];
  sources.forEach((poolSources, pool) => {
    const poolArrivals = arrivals[pool] ?? [];
    const byArrival = poolArrivals.map(() => [] as Array<[number, number]>);
    poolSources.forEach((source, sourceIndex) => {
      const closest: Array<[number, number]> = [];
      poolArrivals.forEach((arrival, arrivalIndex) => {
        if (!network.reachable(source.unit, arrival.unit)) return;
        const km = distanceKm(instance, source.unit, arrival.unit);
        keepSmallest(closest, km, arrivalIndex, NEAREST);
        keepSmallest(byArrival[arrivalIndex] ?? [], km, sourceIndex, NEAREST);
      });
      for (const [, arrival] of closest) nearest.push([pool, sourceIndex, arrival]);
    });
    byArrival.forEach((list, arrival) => {
      for (const [, source] of list) nearest.push([pool, source, arrival]);
    });
  });
  return nearest;
}

/**
 * Each unit's `count` nearest of `others` within reach, by a k-d tree (geokdbush): on XL the pairs
 * are too many to look at one by one (the kilometre tier's first pricing looked at them all, 10 s,
 * and the minute ended before its plan). Units without coordinates are at distance 0 from all, so
 * they come first.
 */
export function nearestOf(
  instance: Instance,
  units: readonly Located[],
  others: readonly Located[],
  reachable: (unit: number, other: number) => boolean,
  visit: (index: number, other: number) => void,
  count = NEAREST,
): void {
  const placed = others.flatMap((other, index) => (instance.hasCoordinates[other.unit] ? [index] : []));
  const unplaced = others.flatMap((other, index) => (instance.hasCoordinates[other.unit] ? [] : [index]));
  const tree = placed.length === 0 ? null : new KDBush(placed.length);
  for (const index of placed) {
    const place = instance.input.units[others[index]?.unit ?? 0];
    tree?.add(place?.lon ?? 0, place?.lat ?? 0);
  }
  tree?.finish();
  units.forEach(({ unit }, index) => {
    const within = (other: number) => reachable(unit, others[other]?.unit ?? 0);
    const found = unplaced.filter(within).slice(0, count);
    const place = instance.input.units[unit];
    if (found.length < count && tree !== null) {
      const near = instance.hasCoordinates[unit]
        ? around(tree, place?.lon ?? 0, place?.lat ?? 0, count - found.length, Infinity, (id) =>
            within(placed[id] ?? 0),
          ).map((id) => placed[id] ?? 0)
        : placed.filter(within).slice(0, count - found.length);
      found.push(...near);
    }
    for (const other of found) visit(index, other);
  });
}

/**
 * `nearestOf` both ways: each source's nearest arrivals, then each arrival's nearest sources, every
 * pair told as (source, arrival). `reachable` takes a source's unit, then an arrival's.
 */
export function nearestBothWays(
  instance: Instance,
  sources: readonly Located[],
  arrivals: readonly Located[],
  reachable: (source: number, arrival: number) => boolean,
  visit: (source: number, arrival: number) => void,
  count = NEAREST,
): void {
  nearestOf(instance, sources, arrivals, reachable, visit, count);
  nearestOf(
    instance,
    arrivals,
    sources,
    (arrival, source) => reachable(source, arrival),
    (arrival, source) => visit(source, arrival),
    count,
  );
}

/** Each source's and each arrival's nearest partners within reach, by `nearestOf`, pool by pool. */
export function nearestIndexed(
  instance: Instance,
  network: Network,
  sources: ReadonlyArray<readonly Located[]>,
  arrivals: ReadonlyArray<readonly Located[]>,
): Array<[number, number, number]> {
  const nearest: Array<[number, number, number]> = [];
  const reachable = (a: number, b: number) => network.reachable(a, b);
  sources.forEach((poolSources, pool) =>
    nearestBothWays(instance, poolSources, arrivals[pool] ?? [], reachable, (source, arrival) =>
      nearest.push([pool, source, arrival]),
    ),
  );
  return nearest;
}
