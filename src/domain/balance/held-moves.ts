// The pending moves a plan in flight holds (in-flight.ts): which of them a plan shows to be no longer
// needed, which it makes suspect, and which the plan without them makes too (the search for as many as
// still fit when holding all of them is worse is held-search.ts).
import { EPSILON } from "./exact/pool-network.ts";
import type { Plan, PlanInFlight, PlanInput, PlanRecentMove } from "./types.ts";

/**
 * `fixed` moves carried out in the input: the person at the destination in the role they fill there,
 * no longer movable, and the move counted against the caps (as a recent move).
 */
export function withMovesHeld(input: PlanInput, fixed: readonly PlanInFlight[]): PlanInput {
  const byEmployee = new Map(fixed.map((move) => [move.employee, move]));
  const recentMoves: PlanRecentMove[] = [...(input.recentMoves ?? [])];
  const employees = input.employees.map((employee) => {
    const move = byEmployee.get(employee.id);
    if (move === undefined || move.to === employee.unit) return employee;
    recentMoves.push({ employee: employee.id, from: employee.unit, to: move.to });
    return { ...employee, unit: move.to, role: move.role, movable: false, why: "pending" as const };
  });
  const { inFlight: _held, ...rest } = input;
  return { ...rest, employees, recentMoves };
}

/** Capacity after the plan less demand, hours, by `unit|role`: above zero a surplus, below a shortage. */
function surplusByKey(plan: Plan): Map<string, number> {
  const surplus = new Map<string, number>();
  for (const unit of plan.units)
    for (const role of unit.roles) surplus.set(`${unit.unit}|${role.role}`, role.capacityAfter - role.demand);
  return surplus;
}

/** Whether plan `b` leaves more unmet hours, or as many with more severity, than plan `a`. */
export function worse(b: Plan, a: Plan): boolean {
  const unmet = b.metrics.unmetAfter - a.metrics.unmetAfter;
  if (unmet > 1e-6) return true;
  return unmet >= -1e-6 && b.metrics.severityAfter - a.metrics.severityAfter > 1e-6;
}

/**
 * The held pending moves whose destination would be full without them in plan `b` (two proposals for
 * one place): at each destination the newest ones, as many as its overfill covers. Every kept move must
 * still be needed. All of them at once: a province whose schools each hired one teacher since the last
 * check had a plan of 50,000 people solved again for each dropped move.
 */
export function unneeded(b: Plan, held: readonly PlanInFlight[], hours: ReadonlyMap<string, number>) {
  const overfill = surplusByKey(b);
  const extra: PlanInFlight[] = [];
  for (let index = held.length - 1; index >= 0; index--) {
    const move = held[index];
    if (move === undefined) continue;
    const key = `${move.to}|${move.role}`;
    const over = overfill.get(key) ?? 0;
    const brings = hours.get(move.employee) ?? 0;
    if (over < brings - EPSILON) continue;
    extra.push(move);
    overfill.set(key, over - brings);
  }
  return extra;
}

/**
 * Keys of each person by id, from one index of the district's people: `like`, who is interchangeable
 * with whom (the same unit, role, hours and units they may not go to); `wishes`, who said the same
 * (willing to move or not, and the same units asked for).
 */
function peopleOf(input: PlanInput): { like: (id: string) => string; wishes: (id: string) => string } {
  const employees = new Map(input.employees.map((row) => [row.id, row]));
  return {
    like: (id) => {
      const row = employees.get(id);
      return row === undefined
        ? ""
        : `${row.unit}|${row.role}|${row.hours}|${(row.excludedUnits ?? []).join(",")}`;
    },
    wishes: (id) => {
      const row = employees.get(id);
      return `${row?.volunteer === true}|${[...(row?.preferredUnits ?? [])].sort().join(",")}`;
    },
  };
}

/** The pending moves `plan` makes too (the same person, or one interchangeable with them). */
export function realizedBy(
  plan: Plan,
  input: PlanInput,
  candidates: readonly PlanInFlight[],
  likeness = peopleOf(input).like,
): PlanInFlight[] {
  // The plan's moves by destination and role, in the plan's order: a search per pending move looks
  // only at the moves it could be (the search rounds of `keepWhatFits` ask this of thousands of moves).
  const open = new Map<string, Array<{ move: Plan["moves"][number]; like: string; claimed: boolean }>>();
  for (const move of plan.moves) {
    const entry = { move, like: likeness(move.employee), claimed: false };
    const place = `${move.to}|${move.role}`;
    const entries = open.get(place);
    if (entries === undefined) open.set(place, [entry]);
    else entries.push(entry);
  }
  const realized = new Set<PlanInFlight>();
  const claim = (pending: PlanInFlight, exact: boolean) => {
    const like = likeness(pending.employee);
    const found = open
      .get(`${pending.to}|${pending.role}`)
      ?.find(
        (entry) => !entry.claimed && (exact ? entry.move.employee === pending.employee : entry.like === like),
      );
    if (found === undefined) return false;
    found.claimed = true;
    return true;
  };
  const rest = candidates.filter((pending) => {
    if (!claim(pending, true)) return true;
    realized.add(pending);
    return false;
  });
  for (const pending of rest) if (claim(pending, false)) realized.add(pending);
  return candidates.filter((pending) => realized.has(pending));
}

/**
 * The held moves that may be what makes plan `b` worse than `reference`, the plan without them: newest
 * first, at each place that `b` leaves with a surplus and with more than the reference leaves (a teacher
 * hired there meanwhile, so that a second proposal fills only part of a place), or short and with less
 * than the reference leaves, not counting what the plan's own new moves take from there (someone else
 * left the origin); as many as the smaller difference takes. A place the reference fills less only
 * because it chose another of equal need (a province has thousands) is not one: counted so, a
 * province's plan had 1,805 suspects of 3,628 held moves, where it has 48.
 */
export function suspects(
  b: Plan,
  reference: Plan,
  held: readonly PlanInFlight[],
  input: PlanInput,
): Set<PlanInFlight> {
  const surplus = surplusByKey(b);
  const more = new Map(surplus);
  for (const [key, hours] of surplusByKey(reference)) more.set(key, (more.get(key) ?? 0) - hours);
  const employees = new Map(input.employees.map((row) => [row.id, row]));
  // A place left short by the plan's own new moves out of it is the plan's choice, not the held moves'.
  const leaving = new Map<string, number>();
  for (const move of b.moves) {
    const row = employees.get(move.employee);
    if (row !== undefined)
      leaving.set(`${row.unit}|${row.role}`, (leaving.get(`${row.unit}|${row.role}`) ?? 0) + row.hours);
  }
  const found = new Set<PlanInFlight>();
  for (let index = held.length - 1; index >= 0; index--) {
    const move = held[index];
    const row = move === undefined ? undefined : employees.get(move.employee);
    if (move === undefined || row === undefined) continue;
    const to = `${move.to}|${move.role}`;
    const from = `${row.unit}|${row.role}`;
    const left = Math.min(surplus.get(to) ?? 0, more.get(to) ?? 0);
    const taken = Math.min(-(surplus.get(from) ?? 0), -(more.get(from) ?? 0) - (leaving.get(from) ?? 0));
    const key = left > EPSILON ? to : taken > EPSILON ? from : null;
    if (key === null) continue;
    const change = key === to ? -row.hours : row.hours;
    surplus.set(key, (surplus.get(key) ?? 0) + change);
    more.set(key, (more.get(key) ?? 0) + change);
    found.add(move);
  }
  return found;
}

/**
 * The reference as an attempt that holds the pending moves it makes itself, with no plan solved again:
 * the same person to the same place; for a pending person it leaves at home, an interchangeable one
 * whom no pending move names, who then stays home instead; and for a pending person it sends
 * elsewhere, while such a one goes to the pending place, the two swapped when they also said the same
 * (then the moves, their kilometres and their reasons are the reference's). The plan is the
 * reference's.
 */
export function referenceAttempt(
  reference: Plan,
  input: PlanInput,
  candidates: readonly PlanInFlight[],
): Attempt {
  const { like, wishes } = peopleOf(input);
  const moved = new Set(reference.moves.map((move) => move.employee));
  const named = new Set(candidates.map((move) => move.employee));
  const moves = [...reference.moves];
  const held: PlanInFlight[] = [];
  for (const pending of realizedBy(reference, input, candidates, like)) {
    const same = moves.findIndex((move) => move.employee === pending.employee && move.to === pending.to);
    const alike = (move: Plan["moves"][number]) =>
      move.to === pending.to &&
      move.role === pending.role &&
      !named.has(move.employee) &&
      like(move.employee) === like(pending.employee);
    if (same < 0 && moved.has(pending.employee)) {
      // Sent elsewhere: swapped with one sent to the pending place, who takes that other move.
      const index = moves.findIndex(
        (move) => alike(move) && wishes(move.employee) === wishes(pending.employee),
      );
      const own = moves.findIndex((move) => move.employee === pending.employee);
      const other = moves[index];
      const elsewhere = moves[own];
      if (other === undefined || elsewhere === undefined) continue;
      moves[own] = { ...elsewhere, employee: other.employee };
      moves.splice(index, 1);
      held.push(pending);
      continue;
    }
    const index = same >= 0 ? same : moves.findIndex(alike);
    if (index < 0) continue;
    moves.splice(index, 1);
    held.push(pending);
  }
  const tiersProven = reference.metrics.tiersProven.filter((tier) => tier <= 2);
  return { held, plan: { ...reference, moves, metrics: { ...reference.metrics, tiersProven } } };
}

/** A plan and the pending moves it holds. */
export interface Attempt {
  held: PlanInFlight[];
  plan: Plan;
}
