import { distanceKm, type Instance } from "../input/instance.ts";
import { pairAtHub } from "../exact/max-flow.ts";
import { pairAtLeastCost, type PoolFlow, type Transfer } from "../exact/pairing.ts";
import type { Arc } from "../exact/milp-model.ts";
import { nearestBothWays } from "./pair-survey.ts";

/** What one hub carries: people in from each source unit, out to each arrival unit. */
export interface HubFlow {
  pool: number;
  into: Array<[number, number]>;
  out: Array<[number, number]>;
}

/** Partners per unit, across its hub, offered to the least-kilometre pairing. */
const PARTNERS = 8;

/**
 * Who goes from which unit to which through the hubs. Only a plan the time limit stopped before the
 * kilometre tier ended has people there (a proven plan has none), and every pair a hub carries is
 * within reach, so any pairing makes a plan. South to north first: in one dimension that order is
 * the shortest matching. Then, over those pairs and each unit's nearest across the hub, the
 * least-kilometre pairing (pairing.ts), when it finishes within its second. On XL without caps
 * (plan v2, 33,217 moves, 60 s), what the hubs still carried came to 113,847 km paired south to
 * north and 71,172 km so.
 */
export function pairHubs(instance: Instance, hubs: readonly HubFlow[]): Transfer[] {
  if (hubs.length === 0) return [];
  const north = ([unit]: [number, number]) => instance.latRad[unit] ?? 0;
  const byLatitude: Transfer[] = [];
  const flows: PoolFlow[] = [];
  const arcs: Arc[] = [];
  // Each hub is a pool of its own here: its sources may go to any of its arrivals.
  hubs.forEach(({ pool, into, out }, hub) => {
    const [sources, arrivals] = [
      [...into].sort((a, b) => north(a) - north(b)),
      [...out].sort((a, b) => north(a) - north(b)),
    ];
    const offer = (from: number, to: number) =>
      arcs.push({ pool: hub, from, to, km: distanceKm(instance, from, to) });
    for (const [from, to, count] of pairAtHub(sources, arrivals)) {
      byLatitude.push({ pool, from, to, count });
      offer(from, to);
    }
    const [sourceUnits, arrivalUnits] = [
      sources.map(([unit]) => ({ unit })),
      arrivals.map(([unit]) => ({ unit })),
    ];
    const unitOf = (list: Array<[number, number]>, index: number) => list[index]?.[0] ?? 0;
    nearestBothWays(
      instance,
      sourceUnits,
      arrivalUnits,
      (a, b) => a !== b,
      (source, arrival) => offer(unitOf(sources, source), unitOf(arrivals, arrival)),
      PARTNERS,
    );
    flows.push({
      sources: sources.map(([unit, supply]) => ({ unit, supply, feeds: [] })),
      sinks: arrivals.map(([unit, demand], arrival) => ({ arrival, unit, demand })),
    });
  });
  const paired = pairAtLeastCost(flows, arcs, 0);
  return paired === null
    ? byLatitude
    : paired.map((transfer) => ({ ...transfer, pool: hubs[transfer.pool]?.pool ?? 0 }));
}
