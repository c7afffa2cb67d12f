import type { DbTx } from "./client.ts";
import { effectiveDemand } from "../domain/demand.ts";
import {
  checkEligibility,
  DEFAULT_TRANSFER_POLICY,
  type Eligibility,
  type TransferPolicy,
} from "../domain/eligibility.ts";
import { personRetirementAge } from "../domain/retirement-age.ts";
import { periodOf } from "../domain/time.ts";
import { unwillingObjectors } from "./employee-statements.ts";
import { roleLoad, type RoleLoad } from "../domain/workload.ts";
import type { Employee, Role, Unit } from "../generated/prisma/client.ts";

export interface UnitRoleLoad extends RoleLoad {
  unitId: number;
  roleId: number;
  staff: number;
  demandSource: "report" | "vacancies" | "assumed";
  openVacancies: number;
}

export interface DistrictEmployee extends Employee {
  eligibility: Eligibility;
}

export interface District {
  period: string;
  units: Unit[];
  roles: Role[];
  compatibility: Array<{ fromRoleId: number; toRoleId: number }>;
  employees: DistrictEmployee[];
  /** Per unit and role that has staff, a report or a vacancy. */
  loads: UnitRoleLoad[];
}

/**
 * Everything the status pages, the snapshot and the balancing check read, in one pass: active
 * staff as capacity, demand by effectiveDemand (latest report up to this period), eligibility.
 */
export async function readDistrict(
  db: DbTx,
  options: { now: Date; timeZone: string; agencyId?: number; unitId?: number; policy?: TransferPolicy },
): Promise<District> {
  const period = periodOf(options.now, options.timeZone);
  const unitWhere = {
    ...(options.agencyId ? { agencyId: options.agencyId } : {}),
    ...(options.unitId ? { id: options.unitId } : {}),
  };
  const [units, roles, compatibility, employees, reports, vacancies, pending, unwilling] = await Promise.all([
    db.unit.findMany({ where: unitWhere, orderBy: { code: "asc" } }),
    db.role.findMany({ orderBy: { code: "asc" } }),
    db.roleCompatibility.findMany(),
    db.employee.findMany({ where: { unit: unitWhere, status: { not: "PENSIUN" } }, orderBy: { nip: "asc" } }),
    db.workloadReport.findMany({
      where: { unit: unitWhere, period: { lte: period } },
      orderBy: { period: "desc" },
    }),
    db.vacancy.groupBy({
      by: ["unitId", "roleId"],
      where: { unit: unitWhere, status: "OPEN" },
      _sum: { count: true },
    }),
    db.proposal.findMany({ where: { status: "PENDING" }, select: { employeeId: true } }),
    unwillingObjectors(db),
  ]);
  const pendingIds = new Set(pending.map((p) => p.employeeId));
  const roleById = new Map(roles.map((r) => [r.id, r]));
  const key = (unitId: number, roleId: number) => `${unitId}:${roleId}`;

  const capacity = new Map<string, { hours: number; staff: number }>();
  for (const e of employees) {
    if (e.status !== "AKTIF") continue;
    const entry = capacity.get(key(e.unitId, e.roleId)) ?? { hours: 0, staff: 0 };
    entry.hours += e.weeklyHours;
    entry.staff += 1;
    capacity.set(key(e.unitId, e.roleId), entry);
  }
  const reported = new Map<string, number>();
  for (const r of reports)
    if (!reported.has(key(r.unitId, r.roleId))) reported.set(key(r.unitId, r.roleId), r.hoursNeeded);
  const open = new Map(vacancies.map((v) => [key(v.unitId, v.roleId), v._sum.count ?? 0]));

  const keys = new Set([...capacity.keys(), ...reported.keys(), ...open.keys()]);
  const loads: UnitRoleLoad[] = [...keys].sort().map((k) => {
    const [unitId, roleId] = k.split(":").map(Number) as [number, number];
    const cap = capacity.get(k) ?? { hours: 0, staff: 0 };
    const openVacancies = open.get(k) ?? 0;
    const demand = effectiveDemand({
      reportedHours: reported.get(k) ?? null,
      capacityHours: cap.hours,
      openVacancies,
      standardHours: roleById.get(roleId)?.standardHours ?? 0,
    });
    return {
      unitId,
      roleId,
      staff: cap.staff,
      openVacancies,
      demandSource: demand.source,
      ...roleLoad(demand.hours, cap.hours),
    };
  });

  const policy = options.policy ?? DEFAULT_TRANSFER_POLICY;
  return {
    period,
    units,
    roles,
    compatibility,
    loads,
    employees: employees.map((e) => ({
      ...e,
      eligibility: checkEligibility(
        {
          birthDate: e.birthDate,
          postSince: e.postSince,
          retirementAge: personRetirementAge(roleById.get(e.roleId), e),
          // A person's own "tidak bersedia" (/saya) counts only where policy says so (issue 15).
          objection: e.objection || unwilling.has(e.id),
          active: e.status === "AKTIF",
          hasPendingProposal: pendingIds.has(e.id),
        },
        options.now,
        policy,
      ),
    })),
  };
}
