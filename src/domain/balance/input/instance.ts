import { PRIVATE_SEVERITY_SCALE } from "../severity.ts";
import type { PlanInput } from "../types.ts";

export { distanceKm, distanceRank, mayBeShorter, reachability, unreachableUnits } from "./distances.ts";

const RADIANS = Math.PI / 180;

/** Interchangeable movable people: same unit, role, hours and units they may not be sent to. */
export interface Group {
  unit: number;
  role: number;
  hours: number;
  /** Units none of the members may be sent to (a rejection remembered); empty for almost everyone. */
  excluded: ReadonlySet<number>;
  /** Employee indices, lowest id first: when k of them move, the first k go. */
  members: number[];
}

/**
 * The plan input indexed for the solvers. Loads are kept per key = unit * roleCount + role in dense
 * arrays: a district has thousands of units and tens of roles, so this stays small and fast.
 */
export interface Instance {
  input: PlanInput;
  /** 1: unmet, moves, km. 2: unmet, severity, moves, km (DESIGN.md "Plan format v2"). */
  version: 1 | 2;
  unitCount: number;
  roleCount: number;
  unitIndex: Map<string, number>;
  roleIndex: Map<string, number>;
  employeeUnit: Int32Array;
  employeeRole: Int32Array;
  demand: Float64Array;
  /** Capacity of everyone where they are now. */
  base: Float64Array;
  /** Capacity of those who cannot move. */
  fixed: Float64Array;
  /** Roles each role may fill, sorted, itself included. */
  targets: number[][];
  groups: Group[];
  hasCoordinates: Uint8Array;
  /** Per unit: 1, or PRIVATE_SEVERITY_SCALE for a private school (plan v2 `private`). */
  severityScale: Float64Array;
  latRad: Float64Array;
  lonRad: Float64Array;
  cosLat: Float64Array;
  maxMovesPerUnit: number;
  maxMovesOutPerUnit: number;
  maxMovesInPerUnit: number;
  maxDistanceKm: number;
  maxMoves: number;
  /**
   * Moves already counted against the caps, per unit: those in flight and those that took effect
   * within the cap window (`recentMoves`), so a school gives up three teachers a year, not a week.
   */
  usedOut: Int32Array;
  usedIn: Int32Array;
  usedMoves: number;
}

/** The severity weight of a key's unit (a private school's counts half). */
export function severityScaleOf(instance: Instance, key: number): number {
  return instance.severityScale[Math.floor(key / Math.max(1, instance.roleCount))] ?? 1;
}

/** What each cap still allows at a unit, and in total, after the moves already counted. */
export function movesLeft(instance: Instance): number {
  return Math.max(0, instance.maxMoves - instance.usedMoves);
}

export function outLeft(instance: Instance, unit: number): number {
  const out = instance.usedOut[unit] ?? 0;
  const both = instance.maxMovesPerUnit - out - (instance.usedIn[unit] ?? 0);
  return Math.max(0, Math.min(both, instance.maxMovesOutPerUnit - out));
}

export function inLeft(instance: Instance, unit: number): number {
  const into = instance.usedIn[unit] ?? 0;
  const both = instance.maxMovesPerUnit - into - (instance.usedOut[unit] ?? 0);
  return Math.max(0, Math.min(both, instance.maxMovesInPerUnit - into));
}

/** Moves in plus out a unit may still take under `maxMovesPerUnit`. */
export function bothLeft(instance: Instance, unit: number): number {
  return Math.max(0, instance.maxMovesPerUnit - (instance.usedOut[unit] ?? 0) - (instance.usedIn[unit] ?? 0));
}

function bound(value: number | null | undefined): number {
  return value === null || value === undefined ? Infinity : value;
}

function indexIds(rows: ReadonlyArray<{ id: string }>): Map<string, number> {
  return new Map(rows.map((row, index) => [row.id, index]));
}

function buildTargets(input: PlanInput, roleIndex: Map<string, number>): number[][] {
  const targets = input.roles.map((_, role) => new Set<number>([role]));
  for (const row of input.compatibility) {
    const from = roleIndex.get(row.from);
    const to = roleIndex.get(row.to);
    if (from !== undefined && to !== undefined) targets[from]?.add(to);
  }
  return targets.map((set) => [...set].sort((a, b) => a - b));
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The units a person may not be sent to, as indices, and a name for that set ("" when none). */
export function exclusionOf(
  employee: PlanInput["employees"][number],
  unitIndex: ReadonlyMap<string, number>,
): { excluded: ReadonlySet<number>; signature: string } {
  const units = [...new Set((employee.excludedUnits ?? []).flatMap((id) => unitIndex.get(id) ?? []))].sort(
    (a, b) => a - b,
  );
  return { excluded: new Set(units), signature: units.join(",") };
}

/** Zero-hour people are left out: moving them can never lower unmet demand, only add a move. */
function buildGroups(
  input: PlanInput,
  unitOf: Int32Array,
  roleOf: Int32Array,
  unitIndex: ReadonlyMap<string, number>,
): Group[] {
  const byKey = new Map<string, Group>();
  input.employees.forEach((employee, index) => {
    if (!employee.movable || employee.hours <= 0) return;
    const unit = unitOf[index] ?? 0;
    const role = roleOf[index] ?? 0;
    const { excluded, signature } = exclusionOf(employee, unitIndex);
    const key = `${unit}|${role}|${employee.hours}|${signature}`;
    let group = byKey.get(key);
    if (group === undefined) {
      group = { unit, role, hours: employee.hours, excluded, members: [] };
      byKey.set(key, group);
    }
    group.members.push(index);
  });
  const groups = [...byKey.values()];
  for (const group of groups) {
    group.members.sort((a, b) => compareIds(input.employees[a]?.id ?? "", input.employees[b]?.id ?? ""));
  }
  return groups.sort(
    (a, b) => a.unit - b.unit || a.role - b.role || a.hours - b.hours || a.excluded.size - b.excluded.size,
  );
}

function buildCoordinates(input: PlanInput) {
  const count = input.units.length;
  const hasCoordinates = new Uint8Array(count);
  const latRad = new Float64Array(count);
  const lonRad = new Float64Array(count);
  const cosLat = new Float64Array(count);
  input.units.forEach((unit, index) => {
    if (unit.lat === null || unit.lat === undefined || unit.lon === null || unit.lon === undefined) return;
    hasCoordinates[index] = 1;
    latRad[index] = unit.lat * RADIANS;
    lonRad[index] = unit.lon * RADIANS;
    cosLat[index] = Math.cos(unit.lat * RADIANS);
  });
  return { hasCoordinates, latRad, lonRad, cosLat };
}

/** The group of each movable person, by employee id (those in no group are absent). */
export function groupOfEmployee(instance: Instance): Map<string, number> {
  const groupOf = new Map<string, number>();
  instance.groups.forEach((group, index) => {
    for (const member of group.members) groupOf.set(instance.input.employees[member]?.id ?? "", index);
  });
  return groupOf;
}

/** Indexes a validated plan input. */
export function buildInstance(input: PlanInput): Instance {
  const unitIndex = indexIds(input.units);
  const roleIndex = indexIds(input.roles);
  const unitCount = input.units.length;
  const roleCount = input.roles.length;
  const keyCount = unitCount * roleCount;
  const demand = new Float64Array(keyCount);
  const base = new Float64Array(keyCount);
  const fixed = new Float64Array(keyCount);
  for (const row of input.demand) {
    const key = (unitIndex.get(row.unit) ?? 0) * roleCount + (roleIndex.get(row.role) ?? 0);
    demand[key] = (demand[key] ?? 0) + row.hours;
  }
  const employeeUnit = new Int32Array(input.employees.length);
  const employeeRole = new Int32Array(input.employees.length);
  input.employees.forEach((employee, index) => {
    const unit = unitIndex.get(employee.unit) ?? 0;
    const role = roleIndex.get(employee.role) ?? 0;
    employeeUnit[index] = unit;
    employeeRole[index] = role;
    const key = unit * roleCount + role;
    base[key] = (base[key] ?? 0) + employee.hours;
    if (!employee.movable) fixed[key] = (fixed[key] ?? 0) + employee.hours;
  });
  return {
    input,
    version: input.version,
    unitCount,
    roleCount,
    unitIndex,
    roleIndex,
    employeeUnit,
    employeeRole,
    demand,
    base,
    fixed,
    targets: buildTargets(input, roleIndex),
    groups: buildGroups(input, employeeUnit, employeeRole, unitIndex),
    ...buildCoordinates(input),
    severityScale: Float64Array.from(input.units, (unit) =>
      input.version === 2 && unit.private === true ? PRIVATE_SEVERITY_SCALE : 1,
    ),
    maxMovesPerUnit: bound(input.policy.maxMovesPerUnit),
    maxMovesOutPerUnit: input.version === 2 ? bound(input.policy.maxMovesOutPerUnit) : Infinity,
    maxMovesInPerUnit: input.version === 2 ? bound(input.policy.maxMovesInPerUnit) : Infinity,
    maxDistanceKm: bound(input.policy.maxDistanceKm),
    maxMoves: bound(input.policy.maxMoves),
    ...usedCaps(input, unitIndex),
  };
}

/** Moves already counted against the caps: `recentMoves` (effective in the window, or fixed in flight). */
function usedCaps(input: PlanInput, unitIndex: ReadonlyMap<string, number>) {
  const usedOut = new Int32Array(input.units.length);
  const usedIn = new Int32Array(input.units.length);
  const recent = input.version === 2 ? (input.recentMoves ?? []) : [];
  for (const move of recent) {
    const from = unitIndex.get(move.from);
    const to = unitIndex.get(move.to);
    if (from !== undefined) usedOut[from] = (usedOut[from] ?? 0) + 1;
    if (to !== undefined) usedIn[to] = (usedIn[to] ?? 0) + 1;
  }
  return { usedOut, usedIn, usedMoves: recent.length };
}
