import {
  bothLeft,
  distanceKm,
  inLeft,
  movesLeft,
  outLeft,
  reachability,
  severityScaleOf,
  type Instance,
} from "../input/instance.ts";
import { severityOf } from "../severity.ts";
import { readWishes, wishesMet } from "./choose-people.ts";

export type { MoveIndex } from "./move-index.ts";
import type { MoveIndex } from "./move-index.ts";

/** How short the district is for some capacity: unmet hours, their severity, the worst share of a need. */
export interface Shortage {
  unmet: number;
  severity: number;
  worstShare: number;
}

export interface Evaluation {
  before: Shortage;
  after: Shortage;
  km: number;
  capacityAfter: Float64Array;
}

/** Sums over (unit, role) of demand not covered by the capacity assigned there, and its severity. */
export function measureShortage(instance: Instance, capacity: Float64Array): Shortage {
  const shortage: Shortage = { unmet: 0, severity: 0, worstShare: 0 };
  for (let key = 0; key < instance.demand.length; key++) {
    const need = instance.demand[key] ?? 0;
    const unmet = Math.max(0, need - (capacity[key] ?? 0));
    if (need <= 0 || unmet <= 0) continue;
    shortage.unmet += unmet;
    shortage.severity += severityOf(unmet, need, severityScaleOf(instance, key));
    shortage.worstShare = Math.max(shortage.worstShare, unmet / need);
  }
  return shortage;
}

/** Capacity after the moves: each person leaves their own role and fills one role elsewhere. */
export function capacityAfterMoves(instance: Instance, moves: readonly MoveIndex[]): Float64Array {
  const capacity = Float64Array.from(instance.base);
  for (const move of moves) {
    const hours = instance.input.employees[move.employee]?.hours ?? 0;
    const fromKey =
      (instance.employeeUnit[move.employee] ?? 0) * instance.roleCount +
      (instance.employeeRole[move.employee] ?? 0);
    capacity[fromKey] = (capacity[fromKey] ?? 0) - hours;
    const toKey = move.to * instance.roleCount + move.role;
    capacity[toKey] = (capacity[toKey] ?? 0) + hours;
  }
  return capacity;
}

export function evaluateMoves(instance: Instance, moves: readonly MoveIndex[]): Evaluation {
  const capacityAfter = capacityAfterMoves(instance, moves);
  const km = moves.reduce(
    (sum, move) => sum + distanceKm(instance, instance.employeeUnit[move.employee] ?? 0, move.to),
    0,
  );
  return {
    before: measureShortage(instance, instance.base),
    after: measureShortage(instance, capacityAfter),
    km,
    capacityAfter,
  };
}

/** Rules every plan must keep; an engine that breaks one has a bug, so the caller refuses the plan. */
export function policyViolations(instance: Instance, moves: readonly MoveIndex[]): string[] {
  const reachable = reachability(instance);
  const problems: string[] = [];
  const moved = new Set<number>();
  for (const move of moves) {
    const employee = instance.input.employees[move.employee];
    const from = instance.employeeUnit[move.employee] ?? 0;
    const role = instance.employeeRole[move.employee] ?? 0;
    if (employee === undefined || !employee.movable) problems.push(`employee #${move.employee} cannot move`);
    if (moved.has(move.employee)) problems.push(`employee #${move.employee} moves twice`);
    if (!(instance.targets[role] ?? []).includes(move.role))
      problems.push(`employee #${move.employee} cannot fill role #${move.role}`);
    if (!reachable(from, move.to)) problems.push(`employee #${move.employee} cannot reach unit #${move.to}`);
    if ((employee?.excludedUnits ?? []).includes(instance.input.units[move.to]?.id ?? ""))
      problems.push(`employee #${move.employee} may not be sent to unit #${move.to}`);
    moved.add(move.employee);
  }
  return [...problems, ...capViolations(instance, moves)];
}

/**
 * The caps `moves` break, on top of the moves already counted (recent, committed). Those may alone
 * exceed a cap that was lowered or decided outside the plan; the moves then may add none there, and are
 * not to blame for them.
 */
export function capViolations(instance: Instance, moves: readonly MoveIndex[]): string[] {
  const problems: string[] = [];
  const out = new Map<number, number>();
  const into = new Map<number, number>();
  const count = (map: Map<number, number>, unit: number) => map.set(unit, (map.get(unit) ?? 0) + 1);
  for (const move of moves) {
    count(out, instance.employeeUnit[move.employee] ?? 0);
    count(into, move.to);
  }
  for (const unit of new Set([...out.keys(), ...into.keys()])) {
    const [leaving, arriving] = [out.get(unit) ?? 0, into.get(unit) ?? 0];
    const [usedOut, usedIn] = [instance.usedOut[unit] ?? 0, instance.usedIn[unit] ?? 0];
    if (leaving + arriving > bothLeft(instance, unit))
      problems.push(`unit #${unit} has ${leaving + arriving + usedOut + usedIn} moves`);
    if (leaving > outLeft(instance, unit)) problems.push(`unit #${unit} has ${leaving + usedOut} moves out`);
    if (arriving > inLeft(instance, unit)) problems.push(`unit #${unit} has ${arriving + usedIn} moves in`);
  }
  if (moves.length > movesLeft(instance)) problems.push(`${moves.length} moves in total`);
  return problems;
}

/** Tiers 5 and 6 of plan v2, measured: movers who volunteered, movers sent where they asked. */
export function countWishesMet(
  instance: Instance,
  moves: readonly MoveIndex[],
): { volunteersMoved: number; preferredDestinationsMet: number } {
  const wishes = readWishes(instance);
  let volunteersMoved = 0;
  let preferredDestinationsMet = 0;
  for (const move of moves) {
    const met = wishesMet(wishes, move);
    if (met.volunteer) volunteersMoved++;
    if (met.preferred) preferredDestinationsMet++;
  }
  return { volunteersMoved, preferredDestinationsMet };
}
