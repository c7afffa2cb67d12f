import type { PlanInput, PlanMove, PlanRoleLoad, UnitLoad } from "../types.ts";

/** Load ratio as DESIGN.md defines it, demand / capacity; null when there is demand and nobody to meet it. */
export function planLoadRatio(demand: number, capacity: number): number | null {
  if (capacity > 0) return demand / capacity;
  return demand > 0 ? null : 0;
}

interface Tally {
  demand: number;
  before: number;
  after: number;
}

function tallyByUnitAndRole(
  input: PlanInput,
  moves: ReadonlyArray<Pick<PlanMove, "employee" | "to" | "role">>,
) {
  const tallies = new Map<string, Map<string, Tally>>();
  const tally = (unit: string, role: string): Tally => {
    let roles = tallies.get(unit);
    if (roles === undefined) {
      roles = new Map();
      tallies.set(unit, roles);
    }
    let entry = roles.get(role);
    if (entry === undefined) {
      entry = { demand: 0, before: 0, after: 0 };
      roles.set(role, entry);
    }
    return entry;
  };
  for (const row of input.demand) tally(row.unit, row.role).demand += row.hours;
  const employees = new Map(input.employees.map((employee) => [employee.id, employee]));
  for (const employee of input.employees) {
    const entry = tally(employee.unit, employee.role);
    entry.before += employee.hours;
    entry.after += employee.hours;
  }
  for (const move of moves) {
    const employee = employees.get(move.employee);
    if (employee === undefined) continue;
    tally(employee.unit, employee.role).after -= employee.hours;
    tally(move.to, move.role).after += employee.hours;
  }
  return tallies;
}

function roleLoad(role: string, entry: Tally): PlanRoleLoad {
  return {
    role,
    demand: entry.demand,
    capacityBefore: entry.before,
    capacityAfter: entry.after,
    ratioBefore: planLoadRatio(entry.demand, entry.before),
    ratioAfter: planLoadRatio(entry.demand, entry.after),
    unmetBefore: Math.max(0, entry.demand - entry.before),
    unmetAfter: Math.max(0, entry.demand - entry.after),
  };
}

/**
 * Load of every unit before and after a set of moves, per role and over all roles (total demand /
 * total capacity). Used for the reasons of a plan and by anything that shows a unit's status.
 */
export function computeUnitLoads(
  input: PlanInput,
  moves: ReadonlyArray<Pick<PlanMove, "employee" | "to" | "role">> = [],
): UnitLoad[] {
  const tallies = tallyByUnitAndRole(input, moves);
  const roleOrder = new Map(input.roles.map((role, index) => [role.id, index]));
  return input.units.map((unit) => {
    const roles = [...(tallies.get(unit.id) ?? new Map<string, Tally>())]
      .filter(([, entry]) => entry.demand > 0 || entry.before > 0 || entry.after > 0)
      .sort(([a], [b]) => (roleOrder.get(a) ?? 0) - (roleOrder.get(b) ?? 0))
      .map(([role, entry]) => roleLoad(role, entry));
    const demand = roles.reduce((sum, role) => sum + role.demand, 0);
    const capacityBefore = roles.reduce((sum, role) => sum + role.capacityBefore, 0);
    const capacityAfter = roles.reduce((sum, role) => sum + role.capacityAfter, 0);
    return {
      unit: unit.id,
      demand,
      capacityBefore,
      capacityAfter,
      ratioBefore: planLoadRatio(demand, capacityBefore),
      ratioAfter: planLoadRatio(demand, capacityAfter),
      roles,
    };
  });
}
