import type { PlanDemand, PlanInput, PlanUnit } from "../../../src/domain/balance/index.ts";
import { evaluate, makeUnit } from "./builders.ts";
import { bestByEnumeration, type Move } from "./enumerate.ts";

/** Units U0, U1… placed `[east, north]` km from Salor; `isPrivate` marks community schools. */
export function placedUnits(
  places: ReadonlyArray<readonly [number, number]>,
  isPrivate: (index: number) => boolean = () => false,
): PlanUnit[] {
  return places.map(([east, north], index) =>
    makeUnit({
      id: `U${index}`,
      lat: -8.4 + north / 111.2,
      lon: 140.4 + east / 110,
      ...(isPrivate(index) ? { private: true } : {}),
    }),
  );
}

/** Six needs of three units and roles A and B: U0–U2 in A, then U0–U2 in B. */
export function threeUnitNeeds(hours: readonly number[]): PlanDemand[] {
  return hours.map((need, index) => ({ unit: `U${index % 3}`, role: index < 3 ? "A" : "B", hours: need }));
}

/** The four v2 tiers of a plan, measured apart from the engine (for the property tests). */
export interface Tiers {
  unmet: number;
  severity: number;
  moves: number;
  km: number;
}

/** Severity written out quarter by quarter, apart from the engine's own. */
export function severity(input: PlanInput, moves: readonly Move[]): number {
  const need = new Map<string, number>();
  for (const row of input.demand)
    need.set(`${row.unit}|${row.role}`, (need.get(`${row.unit}|${row.role}`) ?? 0) + row.hours);
  const capacity = new Map<string, number>();
  const add = (key: string, hours: number) => capacity.set(key, (capacity.get(key) ?? 0) + hours);
  const people = new Map(input.employees.map((employee) => [employee.id, employee]));
  for (const employee of input.employees) add(`${employee.unit}|${employee.role}`, employee.hours);
  for (const move of moves) {
    const employee = people.get(move.employee);
    if (employee === undefined) continue;
    add(`${employee.unit}|${employee.role}`, -employee.hours);
    add(`${move.to}|${move.role}`, employee.hours);
  }
  const privateUnits = new Set(input.units.filter((unit) => unit.private).map((unit) => unit.id));
  let total = 0;
  for (const [key, demand] of need) {
    let unmet = Math.max(0, demand - (capacity.get(key) ?? 0));
    const scale = privateUnits.has(key.split("|")[0] ?? "") ? 0.5 : 1;
    for (const weight of [1, 2, 4, 8]) {
      const part = Math.min(unmet, demand / 4);
      total += scale * weight * part;
      unmet -= part;
    }
  }
  return total;
}

export function tiersOf(input: PlanInput, moves: readonly Move[]): Tiers {
  const outcome = evaluate(input, moves);
  return { unmet: outcome.unmetAfter, severity: severity(input, moves), moves: moves.length, km: outcome.km };
}

const EPSILON = 1e-7;

export function better(a: Tiers, b: Tiers): boolean {
  if (Math.abs(a.unmet - b.unmet) > EPSILON) return a.unmet < b.unmet;
  if (Math.abs(a.severity - b.severity) > EPSILON) return a.severity < b.severity;
  if (a.moves !== b.moves) return a.moves < b.moves;
  return a.km < b.km - EPSILON;
}

/** The v2 optimum by enumerating every assignment of every movable person, within every bound. */
export const bruteForce = (input: PlanInput): Tiers =>
  bestByEnumeration(input, (moves) => tiersOf(input, moves), better);
