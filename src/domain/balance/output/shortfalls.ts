import { movesLeft, reachability, type Instance } from "../input/instance.ts";
import type { IneligibleWhy, Shortfall, ShortfallReason } from "../types.ts";
import type { MoveIndex } from "./evaluate.ts";
import { cappedOrigins, OfferIndex, type Offer } from "./offers.ts";

/**
 * Capped origins listed per need, in input order; `originCount` tells how many there are when more. On
 * a province every school may be an origin (L: 869 a need on average), and the check stores and shows
 * a few: the why-not line names two and counts the rest.
 */
export const ORIGINS_LISTED = 10;

/** Hours are sums of decimals; comparisons allow for the rounding of those sums. */
const EPSILON = 1e-9;

/** What each (unit, role) can give, before and after the plan. */
interface KeySupply {
  /** Keys (unit · roleCount + role) with spare hours before the plan and someone who brings hours. */
  surplusKeys: number[][];
  people: Int32Array;
  movable: Int32Array;
  /** Movable people still at home after the plan who could leave without leaving a shortage there. */
  available: Int32Array;
}

function keyOf(instance: Instance, employee: number): number {
  return (instance.employeeUnit[employee] ?? 0) * instance.roleCount + (instance.employeeRole[employee] ?? 0);
}

function keySupply(instance: Instance, moved: ReadonlySet<number>, capacityAfter: Float64Array): KeySupply {
  const keys = instance.demand.length;
  const supply: KeySupply = {
    surplusKeys: Array.from({ length: instance.roleCount }, () => []),
    people: new Int32Array(keys),
    movable: new Int32Array(keys),
    available: new Int32Array(keys),
  };
  const smallest = new Float64Array(keys).fill(Infinity);
  instance.input.employees.forEach((employee, index) => {
    if (employee.hours <= 0) return;
    const key = keyOf(instance, index);
    supply.people[key] = (supply.people[key] ?? 0) + 1;
    if (!employee.movable) return;
    supply.movable[key] = (supply.movable[key] ?? 0) + 1;
    const spare = (capacityAfter[key] ?? 0) - (instance.demand[key] ?? 0);
    if (moved.has(index) || spare < employee.hours - EPSILON) return;
    supply.available[key] = (supply.available[key] ?? 0) + 1;
    smallest[key] = Math.min(smallest[key] ?? Infinity, employee.hours);
  });
  // Each of them could leave, but together no more than the spare hours allow.
  supply.available.forEach((count, key) => {
    const spare = (capacityAfter[key] ?? 0) - (instance.demand[key] ?? 0);
    supply.available[key] = Math.min(count, Math.floor(spare / (smallest[key] ?? Infinity) + EPSILON));
  });
  for (let key = 0; key < keys; key++) {
    const spare = (instance.base[key] ?? 0) - (instance.demand[key] ?? 0);
    if (spare > EPSILON && (supply.people[key] ?? 0) > 0)
      supply.surplusKeys[key % instance.roleCount]?.push(key);
  }
  return supply;
}

/** Roles whose people may fill each role (itself included). */
function sourceRoles(instance: Instance): number[][] {
  const sources: number[][] = Array.from({ length: instance.roleCount }, () => []);
  instance.targets.forEach((targets, from) => {
    for (const to of targets) sources[to]?.push(from);
  });
  return sources;
}

/** Moves out of, into, and in total of each unit in the plan. */
function moveCounts(instance: Instance, moves: readonly MoveIndex[]) {
  const out = Int32Array.from(instance.usedOut);
  const into = Int32Array.from(instance.usedIn);
  for (const move of moves) {
    const from = instance.employeeUnit[move.employee] ?? 0;
    out[from] = (out[from] ?? 0) + 1;
    into[move.to] = (into[move.to] ?? 0) + 1;
  }
  const full = (unit: number) => (out[unit] ?? 0) + (into[unit] ?? 0) >= instance.maxMovesPerUnit;
  return {
    intakeFull: (unit: number) => full(unit) || (into[unit] ?? 0) >= instance.maxMovesInPerUnit,
    originFull: (unit: number) => full(unit) || (out[unit] ?? 0) >= instance.maxMovesOutPerUnit,
    totalFull: moves.length >= movesLeft(instance),
  };
}

/**
 * Who cannot move, per key and by the reason the input gives, counted once per plan: with each reason,
 * the first of them in input order (`first`), so that a sum over keys lists its reasons as a pass over
 * the people would. Counted per need, by a pass over every person, it took 5 s of a province's week
 * with 3,628 proposals held (L: 50,000 people, each of four plans' shortfalls).
 */
function ineligibleByKey(
  instance: Instance,
): Map<number, Map<IneligibleWhy, { count: number; first: number }>> {
  const byKey = new Map<number, Map<IneligibleWhy, { count: number; first: number }>>();
  instance.input.employees.forEach((employee, index) => {
    if (employee.movable || employee.hours <= 0) return;
    const key = keyOf(instance, index);
    const why = employee.why ?? "other";
    const reasons = byKey.get(key) ?? new Map<IneligibleWhy, { count: number; first: number }>();
    byKey.set(key, reasons);
    const counted = reasons.get(why);
    if (counted === undefined) reasons.set(why, { count: 1, first: index });
    else counted.count++;
  });
  return byKey;
}

/** Who cannot move among the people of some keys, by the reason the input gives. */
function ineligibleWhy(
  byKey: ReturnType<typeof ineligibleByKey>,
  keys: ReadonlySet<number>,
  excludedHere: ReadonlyMap<number, number> | undefined,
): Partial<Record<IneligibleWhy, number>> {
  const summed = new Map<IneligibleWhy, { count: number; first: number }>();
  for (const key of keys)
    for (const [why, { count, first }] of byKey.get(key) ?? []) {
      const sum = summed.get(why);
      if (sum === undefined) summed.set(why, { count, first });
      else summed.set(why, { count: sum.count + count, first: Math.min(sum.first, first) });
    }
  const counts: Partial<Record<IneligibleWhy, number>> = {};
  for (const [why, { count }] of [...summed].sort(([, a], [, b]) => a.first - b.first)) counts[why] = count;
  // Movable people a rejection keeps away from this unit count as rejected here.
  let rejected = 0;
  for (const [key, count] of excludedHere ?? []) if (keys.has(key)) rejected += count;
  if (rejected > 0) counts.rejected = (counts.rejected ?? 0) + rejected;
  return counts;
}

/** Per destination unit, per key: movable people who may not be sent there (a rejection remembered). */
function excludedByUnit(instance: Instance): Map<number, Map<number, number>> {
  const byUnit = new Map<number, Map<number, number>>();
  instance.input.employees.forEach((employee, index) => {
    if (!employee.movable || employee.hours <= 0) return;
    for (const id of employee.excludedUnits ?? []) {
      const unit = instance.unitIndex.get(id);
      if (unit === undefined) continue;
      const keys = byUnit.get(unit) ?? new Map<number, number>();
      const key = keyOf(instance, index);
      keys.set(key, (keys.get(key) ?? 0) + 1);
      byUnit.set(unit, keys);
    }
  });
  return byUnit;
}

/** The surplus keys of some source roles within reach of a unit (for the rarer reasons' details). */
function reachedKeys(
  instance: Instance,
  supply: KeySupply,
  sources: readonly number[],
  unit: number,
  reachFrom: (from: number) => boolean,
): number[] {
  return sources.flatMap((source) =>
    (supply.surplusKeys[source] ?? []).filter((other) => {
      const from = Math.floor(other / instance.roleCount);
      return from !== unit && reachFrom(from);
    }),
  );
}

/** Reach from every origin unit to one unit, tested once per origin. */
function reachCache(instance: Instance, reachable: (a: number, b: number) => boolean) {
  const known = new Int8Array(instance.unitCount);
  let unit = -1;
  return (to: number) => {
    if (to !== unit) {
      unit = to;
      known.fill(0);
    }
    return (from: number) => {
      if (known[from] === 0) known[from] = reachable(from, to) ? 1 : -1;
      return known[from] === 1;
    };
  };
}

/**
 * Why each (unit, role) still short after the plan got no more, checked in the order of
 * ShortfallReason from the plan's own state: which surplus exists before the plan, which of it is
 * within reach and movable, which is still unused after it, and which policy bound stops the move
 * that would use it. For a plan proven on its first tier an unused candidate always meets a bound
 * (else one more move would lower unmet hours); for the greedy baseline or a plan cut short by the
 * time limit it may not, and the need is reported as supply exhausted.
 *
 * What each source role offers a unit is summed once per unit and role (keys come unit by unit), from
 * sums over cells of nearby origins (offers.ts): on 10,000 units with 22,600 needs still short, checking
 * every surplus key for every need took 22 s, then 4 s once per unit and role, now 1 s. The capped
 * origins come with the same sums, as lists shared with the cells, and are read only for an
 * `origin_cap` need.
 */
export function findShortfalls(
  instance: Instance,
  moves: readonly MoveIndex[],
  capacityAfter: Float64Array,
): Shortfall[] {
  const supply = keySupply(instance, new Set(moves.map((move) => move.employee)), capacityAfter);
  const sources = sourceRoles(instance);
  const reachTo = reachCache(instance, reachability(instance));
  const counts = moveCounts(instance, moves);
  const excluded = excludedByUnit(instance);
  let ineligible: ReturnType<typeof ineligibleByKey> | undefined;
  const index = new OfferIndex(instance, supply, counts.originFull);
  const seen = { stamps: new Int32Array(instance.unitCount), stamp: 0 };
  const shortfalls: Shortfall[] = [];
  let [offersUnit, offers] = [-1, new Map<number, Offer>()];
  for (let key = 0; key < instance.demand.length; key++) {
    const need = instance.demand[key] ?? 0;
    const unmet = need - (capacityAfter[key] ?? 0);
    if (need <= 0 || unmet <= EPSILON) continue;
    const unit = Math.floor(key / instance.roleCount);
    const role = key % instance.roleCount;
    const reachFrom = reachTo(unit);
    if (unit !== offersUnit) [offersUnit, offers] = [unit, new Map()];
    const found: Offer = { surplus: 0, reached: 0, movable: 0, available: 0, open: 0, capped: [] };
    for (const source of sources[role] ?? []) {
      let offer = offers.get(source);
      if (offer === undefined) {
        offer = index.offerTo(source, unit, reachFrom, excluded.get(unit));
        offers.set(source, offer);
      }
      found.surplus += offer.surplus;
      found.reached += offer.reached;
      found.movable += offer.movable;
      found.available += offer.available;
      found.open += offer.open;
      for (const list of offer.capped) found.capped.push(list);
    }
    const shortfall: Shortfall = {
      unit: instance.input.units[unit]?.id ?? "",
      role: instance.input.roles[role]?.id ?? "",
      needHours: need,
      unmetHours: Math.round(unmet * 1e6) / 1e6,
      reason: "supply_exhausted",
    };
    const reason = (why: ShortfallReason, candidates?: number) => {
      shortfall.reason = why;
      if (candidates !== undefined) shortfall.candidates = candidates;
    };
    const reached = () => reachedKeys(instance, supply, sources[role] ?? [], unit, reachFrom);
    if (found.surplus === 0) reason("no_compatible_supply");
    else if (found.reached === 0) reason("beyond_distance");
    else if (found.movable === 0) {
      ineligible ??= ineligibleByKey(instance);
      shortfall.ineligible = ineligibleWhy(ineligible, new Set(reached()), excluded.get(unit));
      reason(
        "candidates_ineligible",
        Object.values(shortfall.ineligible).reduce((sum, count) => sum + count, 0),
      );
    } else if (found.available === 0) reason("supply_exhausted");
    else if (counts.intakeFull(unit)) reason("unit_intake_cap", found.available);
    else if (found.open === 0) {
      reason("origin_cap", found.available);
      const origins = cappedOrigins(found.capped, unit, ORIGINS_LISTED, seen);
      shortfall.origins = origins.first.map((u) => instance.input.units[u]?.id ?? "");
      if (origins.count > ORIGINS_LISTED) shortfall.originCount = origins.count;
    } else if (counts.totalFull) reason("total_cap", found.available);
    shortfalls.push(shortfall);
  }
  return shortfalls;
}
