import { distanceKm, distanceRank, type Instance } from "../input/instance.ts";
import { NetworkSimplex } from "../flow/network-simplex.ts";
import { KM_UNIT } from "../flow/flow-network.ts";
import { pairSupplies } from "./max-flow.ts";
import { feedsBySourceUnit, sourceName, type Arc } from "./milp-model.ts";
import type { Network } from "./pool-network.ts";

/** People of a pool sent from one unit to another. */
export interface Transfer {
  pool: number;
  from: number;
  to: number;
  count: number;
}

export interface PoolFlow {
  sources: Array<{ unit: number; supply: number; feeds: number[] }>;
  sinks: Array<{ arrival: number; unit: number; demand: number }>;
}

export interface Cut {
  columns: number[];
  coefficients: number[];
}

/** Kilometres of a pairing. */
export function kmOf(instance: Instance, transfers: readonly Transfer[]): number {
  return transfers.reduce(
    (sum, transfer) => sum + transfer.count * distanceKm(instance, transfer.from, transfer.to),
    0,
  );
}

/** Per pool, how many leave each source unit and arrive at each unit in a solution. */
export function poolFlows(instance: Instance, network: Network, values: ArrayLike<number>): PoolFlow[] {
  const bySource = feedsBySourceUnit(instance, network);
  return network.pools.map((pool, poolIndex) => {
    const sources: PoolFlow["sources"] = [];
    for (const [unit, feeds] of bySource[poolIndex] ?? []) {
      const supply = feeds.reduce((sum, feed) => sum + Math.round(values[feed] ?? 0), 0);
      if (supply > 0) sources.push({ unit, supply, feeds });
    }
    const sinks = pool.arrivals
      .map((arrival) => ({
        arrival,
        unit: network.arrivals[arrival]?.unit ?? 0,
        demand: Math.round(values[network.feeds.length + arrival] ?? 0),
      }))
      .filter((sink) => sink.demand > 0);
    return { sources, sinks };
  });
}

/** The sinks a source unit reaches, by index; null when it reaches every one (pairSupplies' hub). */
function reachedSinks(network: Network, unit: number, sinks: PoolFlow["sinks"]): number[] | null {
  let reached = 0;
  for (const sink of sinks) if (network.reachable(unit, sink.unit)) reached++;
  if (reached === sinks.length) return null;
  return sinks.flatMap((sink, index) => (network.reachable(unit, sink.unit) ? [index] : []));
}

/**
 * Pairs departures with arrivals pool by pool within the distance bound. Where that fails, some
 * source units together send more than the arrivals within their reach can take: that Hall
 * inequality comes back as a cut, valid for every plan.
 */
export function pairOrCut(
  instance: Instance,
  network: Network,
  values: ArrayLike<number>,
): { transfers: Transfer[]; cuts: Cut[] } {
  const transfers: Transfer[] = [];
  const cuts: Cut[] = [];
  poolFlows(instance, network, values).forEach(({ sources, sinks }, pool) => {
    const links = sources.map((source) => reachedSinks(network, source.unit, sinks));
    const pairing = pairSupplies(
      sources.map((source) => source.supply),
      sinks.map((sink) => sink.demand),
      links,
    );
    if (pairing.deficientSources === null) {
      for (const [source, sink, count] of pairing.flows) {
        transfers.push({ pool, from: sources[source]?.unit ?? 0, to: sinks[sink]?.unit ?? 0, count });
      }
      return;
    }
    const deficient = pairing.deficientSources.flatMap((index) => sources[index] ?? []);
    const reach = (network.pools[pool]?.arrivals ?? []).filter((arrival) =>
      deficient.some((source) => network.reachable(source.unit, network.arrivals[arrival]?.unit ?? 0)),
    );
    const feeds = deficient.flatMap((source) => source.feeds);
    cuts.push({
      columns: [...feeds, ...reach.map((arrival) => network.feeds.length + arrival)],
      coefficients: [...feeds.map(() => 1), ...reach.map(() => -1)],
    });
  });
  return { transfers, cuts };
}

/** How many moves from unit to unit the pairing makes first: by origin, then destination (indices). */
export type PreferredPairs = ReadonlyMap<number, ReadonlyMap<number, number>>;

/** `PlanOptions.preferredPairs` (unit ids) counted by pair of unit indices; unknown units are left out. */
export function preferredPairsOf(
  instance: Instance,
  pairs: ReadonlyArray<{ from: string; to: string }>,
): PreferredPairs {
  const counts = new Map<number, Map<number, number>>();
  for (const pair of pairs) {
    const from = instance.unitIndex.get(pair.from);
    const to = instance.unitIndex.get(pair.to);
    if (from === undefined || to === undefined) continue;
    const row = counts.get(from) ?? new Map<number, number>();
    counts.set(from, row.set(to, (row.get(to) ?? 0) + 1));
  }
  return counts;
}

/**
 * The least-kilometre pairing of a solution's departures and arrivals over the given arcs, with the
 * most preferred pairs first: a transportation problem, solved by the flow core's network simplex in
 * two tiers without weights (preferred pairs, then centimetres on the optimal face of the first). Null
 * when it does not finish within `timeLimitSeconds` (at least MIN_PAIRING_SECONDS).
 */
export function pairAtLeastCost(
  flows: readonly PoolFlow[],
  arcs: readonly Arc[],
  timeLimitSeconds = Infinity,
  preferred: PreferredPairs = new Map(),
): Transfer[] | null {
  const deadline = performance.now() + Math.max(MIN_PAIRING_SECONDS, timeLimitSeconds) * 1000;
  const nodes = new Map<string, number>();
  const supply: number[] = [];
  const node = (side: "s" | "d", pool: number, unit: number, amount: number) => {
    nodes.set(`${side}${sourceName(pool, unit)}`, supply.length);
    supply.push(amount);
  };
  flows.forEach(({ sources, sinks }, pool) => {
    for (const source of sources) node("s", pool, source.unit, source.supply);
    for (const sink of sinks) node("d", pool, sink.unit, -sink.demand);
  });
  const simplex = new NetworkSimplex(supply.length, Float64Array.from(supply));
  // A preferred pair is a second arc beside its pair's, bounded by how often it is preferred.
  const columns: Array<{ arc: Arc; preferred: boolean }> = [];
  for (const arc of arcs) {
    const from = nodes.get(`s${sourceName(arc.pool, arc.from)}`);
    const to = nodes.get(`d${sourceName(arc.pool, arc.to)}`);
    if (from === undefined || to === undefined) continue;
    const times = preferred.get(arc.from)?.get(arc.to) ?? 0;
    simplex.addArc(from, to, Infinity, 0);
    columns.push({ arc, preferred: false });
    if (times === 0) continue;
    simplex.addArc(from, to, times, 0);
    columns.push({ arc, preferred: true });
  }
  const centimetres = columns.map(({ arc }) => Math.round(arc.km * KM_UNIT));
  const artificialCost = (supply.length + 1) * centimetres.reduce((most, cm) => Math.max(most, cm), 1) + 1;
  const tiers = columns.some((column) => column.preferred)
    ? [(arc: number) => (columns[arc]?.preferred ? -1 : 0), (arc: number) => centimetres[arc] ?? 0]
    : [(arc: number) => centimetres[arc] ?? 0];
  for (const [tier, costOf] of tiers.entries()) {
    if (tier > 0) simplex.freezeOptimalFace();
    simplex.setCosts(costOf);
    if (simplex.solve(artificialCost, deadline) !== "optimal" || simplex.infeasible()) return null;
  }
  const counts = new Map<Arc, number>();
  columns.forEach(({ arc }, index) => counts.set(arc, (counts.get(arc) ?? 0) + simplex.flow(index)));
  return [...counts].flatMap(([arc, count]) =>
    count > 0 ? [{ pool: arc.pool, from: arc.from, to: arc.to, count }] : [],
  );
}

/**
 * Of `length` values, the i-th at `values[start + i · stride]`: the indices of the `count` smallest
 * finite ones, ordered by value then index (one pass, inserting into the few kept); every finite one,
 * in index order, when `count` reaches `length`.
 */
export function smallest(
  values: Float64Array,
  count: number,
  start: number,
  stride: number,
  length: number,
): number[] {
  const at = (index: number) => values[start + index * stride] ?? Infinity;
  const chosen: number[] = [];
  for (let index = 0; index < length && count > 0; index++) {
    const value = at(index);
    if (!Number.isFinite(value)) continue;
    if (count >= length) {
      chosen.push(index);
      continue;
    }
    if (chosen.length === count) {
      if (value >= at(chosen[count - 1] ?? 0)) continue;
      chosen.pop();
    }
    let position = chosen.length;
    chosen.push(index);
    for (; position > 0 && at(chosen[position - 1] ?? 0) > value; position--)
      chosen[position] = chosen[position - 1] ?? 0;
    chosen[position] = index;
  }
  return chosen;
}

/**
 * Candidate arcs for pairing one solution: every allowed pair of its source and arrival units when
 * there are not too many, else each unit's nearest partners plus a feasible pairing.
 */
function arcsAmongUsed(
  instance: Instance,
  flows: readonly PoolFlow[],
  feasible: readonly Transfer[],
  reachable: Network["reachable"],
  preferred: PreferredPairs,
): Arc[] {
  const pairs = flows.reduce((sum, flow) => sum + flow.sources.length * flow.sinks.length, 0);
  const nearest = pairs <= FULL_PAIRING_ARCS ? Infinity : NEAREST_PARTNERS;
  const arcs = new Map<string, Arc>();
  const keep = (pool: number, from: number, to: number) =>
    arcs.set(`${pool}|${from}|${to}`, { pool, from, to, km: distanceKm(instance, from, to) });
  flows.forEach(({ sources, sinks }, pool) => {
    // Source by sink, row after row: each row and each column picks its nearest partners, by a rank
    // in the order of distance; the distance itself is computed for the arcs kept only.
    const km = new Float64Array(sources.length * sinks.length);
    sources.forEach((source, row) => {
      sinks.forEach((sink, column) => {
        km[row * sinks.length + column] = reachable(source.unit, sink.unit)
          ? distanceRank(instance, source.unit, sink.unit)
          : Infinity;
      });
    });
    sources.forEach((source, row) => {
      for (const column of smallest(km, nearest, row * sinks.length, 1, sinks.length))
        keep(pool, source.unit, sinks[column]?.unit ?? 0);
    });
    sinks.forEach((sink, column) => {
      for (const row of smallest(km, nearest, column, sinks.length, sources.length))
        keep(pool, sources[row]?.unit ?? 0, sink.unit);
    });
  });
  for (const transfer of feasible) keep(transfer.pool, transfer.from, transfer.to);
  // Every preferred pair within reach among the pool's sources and sinks, however far.
  if (preferred.size > 0)
    flows.forEach(({ sources, sinks }, pool) => {
      const sinkUnits = new Set(sinks.map((sink) => sink.unit));
      for (const { unit: from } of sources)
        for (const to of preferred.get(from)?.keys() ?? [])
          if (sinkUnits.has(to) && reachable(from, to)) keep(pool, from, to);
    });
  return [...arcs.values()];
}

const FULL_PAIRING_ARCS = 200_000;
const NEAREST_PARTNERS = 12;
/**
 * Even past the deadline the plan needs a pairing, and a kilometre-blind one is a poor plan: on XL
 * (12,698 moves over 155,193 arcs) the network simplex took 0.94 s, where HiGHS's LP had not finished
 * in 3.3 s and the plan kept 659,304 km instead of 35,842.
 */
const MIN_PAIRING_SECONDS = 1;

/**
 * Who goes where for a solution's counts, at least kilometres (over the nearest arcs when there are
 * many); `feasible` is a known pairing of the same counts, kept if the simplex does not finish.
 */
export function leastCostTransfers(
  instance: Instance,
  network: Network,
  values: ArrayLike<number>,
  feasible: readonly Transfer[],
  timeLimitSeconds: number,
  preferred: PreferredPairs = new Map(),
): readonly Transfer[] {
  const flows = poolFlows(instance, network, values);
  const arcs = arcsAmongUsed(instance, flows, feasible, network.reachable, preferred);
  return pairAtLeastCost(flows, arcs, timeLimitSeconds, preferred) ?? feasible;
}
