// The arcs of the kilometre model (kilometre-stage.ts): which to start with, and which to price in.
import { distanceKm, mayBeShorter, type Instance } from "../input/instance.ts";
import { feedsBySourceUnit, sourceName, type Arc, type BalanceModel } from "./milp-model.ts";
import type { Transfer } from "./pairing.ts";
import type { Network } from "./pool-network.ts";

/**
 * Every (pool, source unit, arrival) that may carry people, visited without building them: on a
 * district of 3,000 units there are millions, and only a few become columns.
 */
function forEachPossibleArc(
  instance: Instance,
  network: Network,
  visit: (pool: number, from: number, to: number, arrival: number) => void,
): void {
  feedsBySourceUnit(instance, network).forEach((sources, pool) => {
    const arrivals = network.pools[pool]?.arrivals ?? [];
    for (const from of sources.keys()) {
      for (const arrival of arrivals) {
        const to = network.arrivals[arrival]?.unit ?? 0;
        if (network.reachable(from, to)) visit(pool, from, to, arrival);
      }
    }
  });
}

/** A number naming an arc, cheaper than a string when millions are checked. */
export function arcKey(instance: Instance, pool: number, from: number, to: number): number {
  return (pool * instance.unitCount + from) * instance.unitCount + to;
}

/** The current pairing plus, for each source and each arrival, its nearest partners: a good start. */
export function initialArcs(
  instance: Instance,
  network: Network,
  nearest: number,
  transfers: readonly Transfer[],
): Arc[] {
  // Keyed by number (source 2k, arrival 2k + 1), not by a string built for each of L's 20 million pairs.
  const best = new Map<number, Arc[]>();
  const keepNearest = (name: number, pool: number, from: number, to: number, km: number) => {
    const list = best.get(name) ?? [];
    if (list.length >= nearest && (list[list.length - 1]?.km ?? 0) <= km) return;
    list.push({ pool, from, to, km });
    list.sort((a, b) => a.km - b.km);
    if (list.length > nearest) list.pop();
    best.set(name, list);
  };
  forEachPossibleArc(instance, network, (pool, from, to) => {
    const km = distanceKm(instance, from, to);
    keepNearest(2 * (pool * instance.unitCount + from), pool, from, to, km);
    keepNearest(2 * (pool * instance.unitCount + to) + 1, pool, from, to, km);
  });
  const arcs = new Map<number, Arc>();
  for (const list of best.values())
    for (const arc of list) arcs.set(arcKey(instance, arc.pool, arc.from, arc.to), arc);
  for (const transfer of transfers) {
    const arc = { ...transfer, km: distanceKm(instance, transfer.from, transfer.to) };
    arcs.set(arcKey(instance, arc.pool, arc.from, arc.to), arc);
  }
  return [...arcs.values()];
}

/**
 * Arcs outside the model whose reduced cost (kilometres plus the duals of its two rows) is below
 * `threshold`. Kilometres are never negative, so where the duals alone reach the threshold, or where
 * the pair is certainly farther apart than the room they leave, it is passed over without computing
 * its distance: most of L's 20 million pairs.
 */
export function priceArcs(
  instance: Instance,
  network: Network,
  model: BalanceModel,
  /** Whether the model has the arc already. */
  has: (pool: number, from: number, to: number) => boolean,
  duals: Float64Array,
  threshold: number,
): Array<{ arc: Arc; arrival: number; cost: number }> {
  const found: Array<{ arc: Arc; arrival: number; cost: number }> = [];
  const arrivalDual = (arrival: number) => duals[model.arcRows.arrival[arrival] ?? 0] ?? 0;
  feedsBySourceUnit(instance, network).forEach((sources, pool) => {
    const arrivals = network.pools[pool]?.arrivals ?? [];
    for (const from of sources.keys()) {
      const sourceDual = duals[model.arcRows.source.get(sourceName(pool, from)) ?? 0] ?? 0;
      for (const arrival of arrivals) {
        const both = sourceDual + arrivalDual(arrival);
        if (both >= threshold) continue;
        const to = network.arrivals[arrival]?.unit ?? 0;
        if (!mayBeShorter(instance, from, to, threshold - both) || !network.reachable(from, to)) continue;
        // Kilometres plus the duals of the two balance rows the arc enters with −1.
        const km = distanceKm(instance, from, to);
        const cost = km + sourceDual + arrivalDual(arrival);
        if (cost < threshold && !has(pool, from, to))
          found.push({ arc: { pool, from, to, km }, arrival, cost });
      }
    }
  });
  return found.sort((a, b) => a.cost - b.cost);
}
