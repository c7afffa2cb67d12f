import type { District } from "../../db/read-district.ts";
import { reasonWriter, type PlanMove, type UnitLoad } from "../../domain/balance/index.ts";
import { greatCircleKm } from "../../domain/geo.ts";
import type { ProposalMetrics } from "../../domain/proposal-metrics.ts";
import { hoursUnitOf } from "../../messages/format.ts";
import type { BalancingPlan } from "./compute-balancing-plan.ts";

/** One move of the plan resolved back to database rows, with what its card shows. */
export interface ExplainedMove {
  move: PlanMove;
  employee: District["employees"][number];
  fromUnit: District["units"][number];
  toUnit: District["units"][number];
  role: District["roles"][number];
  /** The engine writes the Indonesian reason (move.reason); the English twin is written here. */
  reasonEn: string;
  metrics: ProposalMetrics;
}

/**
 * Resolves the engine's codes back to rows and works out, for each move, the loads of both units
 * before and after, the distance and the unmet hours it fills. Pure: reads nothing, stores nothing.
 */
export function explainBalancingPlan({ plan, district, input }: BalancingPlan): ExplainedMove[] {
  const unitByCode = new Map(district.units.map((u) => [u.code, u]));
  const roleByCode = new Map(district.roles.map((r) => [r.code, r]));
  const roleById = new Map(district.roles.map((r) => [r.id, r]));
  const employeeByNip = new Map(district.employees.map((e) => [e.nip, e]));
  const loadByUnit = new Map(plan.units.map((u) => [u.unit, u]));
  const coords = new Map(input.units.map((u) => [u.id, u]));
  const wishes = new Map(input.employees.map((e) => [e.id, e]));
  const english = reasonWriter("en");
  const indonesian = reasonWriter("id");
  // Unmet hours each destination still has, handed out to the moves into it in plan order.
  const remaining = new Map<string, number>();
  const explained: ExplainedMove[] = [];
  for (const move of plan.moves) {
    const employee = employeeByNip.get(move.employee);
    const fromUnit = unitByCode.get(move.from);
    const toUnit = unitByCode.get(move.to);
    const role = roleByCode.get(move.role);
    if (!employee || !fromUnit || !toUnit || !role) continue;
    const fromRole = roleById.get(employee.roleId)?.code ?? move.role;
    const fromLoad = roleLoadOf(loadByUnit.get(move.from), fromRole);
    const toLoad = roleLoadOf(loadByUnit.get(move.to), move.role);
    const key = `${move.to}:${move.role}`;
    const left = remaining.get(key) ?? toLoad?.unmetBefore ?? 0;
    const filled = Math.min(employee.weeklyHours, left);
    remaining.set(key, left - filled);
    // Both languages written here, where the role's unit (JP or jam) is known; the engine's own text
    // cannot tell a teacher from a nurse.
    const facts = {
      role: role.name,
      from: { name: fromUnit.name, load: loadByUnit.get(move.from) },
      to: { name: toUnit.name, load: loadByUnit.get(move.to) },
      shortageBefore: toLoad ? toLoad.demand - toLoad.capacityBefore : 0,
      hours: employee.weeklyHours,
      hoursUnit: hoursUnitOf(role),
      // What the person said in /saya, when this move honours it (plan v2 tiers 5 and 6).
      volunteer: wishes.get(move.employee)?.volunteer === true,
      preferred: wishes.get(move.employee)?.preferredUnits?.includes(move.to) === true,
      // A move that leaves its origin short says why it still pays: the destination is short deeper.
      ...(fromLoad && toLoad && fromLoad.unmetAfter > 0 && fromLoad.demand > 0 && toLoad.demand > 0
        ? {
            originShort: {
              unmetAfter: fromLoad.unmetAfter,
              originShare: fromLoad.unmetAfter / fromLoad.demand,
              destinationShare: toLoad.unmetBefore / toLoad.demand,
            },
          }
        : {}),
    };
    explained.push({
      move: { ...move, reason: indonesian(facts) },
      employee,
      fromUnit,
      toUnit,
      role,
      reasonEn: english(facts),
      metrics: {
        fromLoadBefore: ratio(fromLoad?.ratioBefore),
        fromLoadAfter: ratio(fromLoad?.ratioAfter),
        toLoadBefore: ratio(toLoad?.ratioBefore),
        toLoadAfter: ratio(toLoad?.ratioAfter),
        distanceKm: Math.round(greatCircleKm(coords.get(move.from), coords.get(move.to)) * 10) / 10,
        monthsInPost: Math.max(0, employee.eligibility.monthsInPost),
        unmetFilledHours: Math.max(0, filled),
        fromRole: roleById.get(employee.roleId)?.name,
        toRole: role.name,
        hoursUnit: hoursUnitOf(role),
        personHours: employee.weeklyHours,
        toNeed: hoursOf(toLoad?.demand),
        toHave: hoursOf(toLoad?.capacityBefore),
        toHavePlan: hoursOf(toLoad?.capacityAfter),
        fromNeed: hoursOf(fromLoad?.demand),
        fromHave: hoursOf(fromLoad?.capacityBefore),
        fromHavePlan: hoursOf(fromLoad?.capacityAfter),
      },
    });
  }
  return explained;
}

function roleLoadOf(unit: UnitLoad | undefined, role: string) {
  return unit?.roles.find((r) => r.role === role);
}

function hoursOf(value: number | undefined): number {
  return Math.max(0, Math.round((value ?? 0) * 10) / 10);
}

/** The card wants a finite ratio or null ("no capacity"). */
function ratio(value: number | null | undefined): number | null {
  return value === null || value === undefined || !Number.isFinite(value)
    ? null
    : Math.round(value * 1000) / 1000;
}
