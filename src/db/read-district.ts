import { IN_FLIGHT_STATUSES } from "../domain/proposal-lifecycle.ts";
import type { DbTx } from "./client.ts";
import { effectiveDemand, hoursTaughtThere, rombelHours, type DemandSource } from "../domain/demand.ts";
import {
  checkEligibility,
  DEFAULT_TRANSFER_POLICY,
  type Eligibility,
  type TransferPolicy,
} from "../domain/eligibility.ts";
import { personRetirementAge } from "../domain/retirement-age.ts";
import { periodOf } from "../domain/time.ts";
import { unwillingObjectors } from "./employee-statements.ts";
import { isCertifiedUnderStandard, roleLoad, type RoleLoad } from "../domain/workload.ts";
import type { Employee, Honorer, Role, Unit } from "../generated/prisma/client.ts";
import { readRoleKinds } from "./role-kinds.ts";

export interface UnitRoleLoad extends RoleLoad {
  unitId: number;
  roleId: number;
  /** Active ASN staff who bring capacity. */
  staff: number;
  /** Guru honorer: capacity (their JJM) that the engine never moves. */
  honorers: number;
  /** Σ JJM of staff and honorers there, when any is known. */
  hoursTaught: number | null;
  demandSource: DemandSource;
  openVacancies: number;
}

export interface DistrictEmployee extends Employee {
  eligibility: Eligibility;
  /** Certified, a teacher, and teaching under the role's standard: the professional allowance is at risk. */
  certifiedUnderStandard: boolean;
}

export interface District {
  period: string;
  units: Unit[];
  roles: Role[];
  compatibility: Array<{ fromRoleId: number; toRoleId: number }>;
  employees: DistrictEmployee[];
  honorers: Honorer[];
  /** Per unit and role that has staff, honorers, a report, a vacancy, or a need from its rombel. */
  loads: UnitRoleLoad[];
}

const key = (unitId: number, roleId: number) => `${unitId}:${roleId}`;

/**
 * Everything the status pages, the snapshot and the balancing check read, in one pass: active
 * staff and honorers as capacity, demand by effectiveDemand (latest report up to this period, the
 * unit's rombel, the hours taught there, vacancies), eligibility.
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
  const [
    units,
    roles,
    compatibility,
    employees,
    honorers,
    reports,
    vacancies,
    pending,
    roleKinds,
    unwilling,
  ] = await Promise.all([
    db.unit.findMany({ where: unitWhere, orderBy: { code: "asc" } }),
    db.role.findMany({ orderBy: { code: "asc" } }),
    db.roleCompatibility.findMany(),
    db.employee.findMany({
      where: { unit: unitWhere, status: { not: "PENSIUN" } },
      orderBy: { nip: "asc" },
    }),
    db.honorer.findMany({ where: { unit: unitWhere }, orderBy: { id: "asc" } }),
    db.workloadReport.findMany({
      where: { unit: unitWhere, period: { lte: period } },
      orderBy: { period: "desc" },
    }),
    db.vacancy.groupBy({
      by: ["unitId", "roleId"],
      where: { unit: unitWhere, status: "OPEN" },
      _sum: { count: true },
    }),
    // In flight (pending, approved, decreed): nobody is proposed twice until the move takes effect.
    db.proposal.findMany({
      where: { status: { in: [...IN_FLIGHT_STATUSES] } },
      select: { employeeId: true },
    }),
    // Across the whole district even when one unit is read: where a role belongs is a district fact.
    readRoleKinds(db),
    unwillingObjectors(db),
  ]);
  const pendingIds = new Set(pending.map((p) => p.employeeId));
  const roleById = new Map(roles.map((r) => [r.id, r]));

  const people = new Map<string, { staff: number; honorers: number; hours: number; taught: Taught[] }>();
  const at = (unitId: number, roleId: number) => {
    const entry = people.get(key(unitId, roleId)) ?? { staff: 0, honorers: 0, hours: 0, taught: [] };
    people.set(key(unitId, roleId), entry);
    return entry;
  };
  for (const e of employees) {
    const entry = at(e.unitId, e.roleId);
    // Only active staff bring hours: cuti, tugas belajar and the like bring nothing while they last.
    const capacity = e.status === "AKTIF" ? e.weeklyHours : 0;
    entry.hours += capacity;
    if (e.status === "AKTIF") entry.staff += 1;
    entry.taught.push({ hoursTaught: e.hoursTaught, capacity });
  }
  for (const h of honorers) {
    const entry = at(h.unitId, h.roleId);
    entry.hours += h.hoursTaught;
    entry.honorers += 1;
    entry.taught.push({ hoursTaught: h.hoursTaught, capacity: h.hoursTaught });
  }
  const reported = new Map<string, number>();
  for (const r of reports)
    if (!reported.has(key(r.unitId, r.roleId))) reported.set(key(r.unitId, r.roleId), r.hoursNeeded);
  const open = new Map(vacancies.map((v) => [key(v.unitId, v.roleId), v._sum.count ?? 0]));
  const fromRombel = new Map<string, number>();
  for (const unit of units)
    for (const role of roles) {
      const hours = rombelHours({
        rombel: unit.rombel,
        isTeacher: role.isTeacher,
        hoursPerRombel: role.hoursPerRombel,
        belongsToKind: roleKinds.has(`${unit.kind}:${role.id}`),
      });
      if (hours !== null) fromRombel.set(key(unit.id, role.id), hours);
    }

  const keys = new Set([...people.keys(), ...reported.keys(), ...open.keys(), ...fromRombel.keys()]);
  const loads: UnitRoleLoad[] = [...keys].sort().map((k) => {
    const [unitId, roleId] = k.split(":").map(Number) as [number, number];
    const here = people.get(k) ?? { staff: 0, honorers: 0, hours: 0, taught: [] };
    const openVacancies = open.get(k) ?? 0;
    const hoursTaught = hoursTaughtThere(here.taught);
    const demand = effectiveDemand({
      reportedHours: reported.get(k) ?? null,
      rombelHours: fromRombel.get(k) ?? null,
      hoursTaught,
      capacityHours: here.hours,
      openVacancies,
      standardHours: roleById.get(roleId)?.standardHours ?? 0,
    });
    return {
      unitId,
      roleId,
      staff: here.staff,
      honorers: here.honorers,
      hoursTaught,
      openVacancies,
      demandSource: demand.source,
      ...roleLoad(demand.hours, here.hours),
    };
  });

  const policy = options.policy ?? DEFAULT_TRANSFER_POLICY;
  return {
    period,
    units,
    roles,
    compatibility,
    loads,
    honorers,
    employees: employees.map((e) => {
      const role = roleById.get(e.roleId);
      return {
        ...e,
        eligibility: checkEligibility(
          {
            birthDate: e.birthDate,
            postSince: e.postSince,
            retirementAge: personRetirementAge(role, e),
            // A person's own "tidak bersedia" (/saya) counts only where policy says so (issue 15).
            objection: e.objection || unwilling.has(e.id),
            active: e.status === "AKTIF",
            hasPendingProposal: pendingIds.has(e.id),
          },
          options.now,
          policy,
        ),
        certifiedUnderStandard:
          e.status === "AKTIF" &&
          isCertifiedUnderStandard({
            certified: e.certified,
            isTeacher: role?.isTeacher ?? false,
            hoursTaught: e.hoursTaught,
            standardHours: role?.standardHours ?? 0,
          }),
      };
    }),
  };
}

type Taught = { hoursTaught: number | null; capacity: number };

/** A certified teacher under the standard load, named as the status pages and the check list them. */
export interface CertifiedUnderStandard {
  nip: string;
  name: string;
  unitId: number;
  unitCode: string;
  unitName: string;
  agencyId: number | null;
  roleCode: string;
  roleName: string;
  hoursTaught: number;
  standardHours: number;
}

/** The district's certified teachers teaching under their role's standard, by unit code then name. */
export function certifiedUnderStandard(district: District): CertifiedUnderStandard[] {
  const unitById = new Map(district.units.map((u) => [u.id, u]));
  const roleById = new Map(district.roles.map((r) => [r.id, r]));
  return district.employees
    .filter((e) => e.certifiedUnderStandard)
    .map((e) => {
      const unit = unitById.get(e.unitId);
      const role = roleById.get(e.roleId);
      return {
        nip: e.nip,
        name: e.name,
        unitId: e.unitId,
        unitCode: unit?.code ?? String(e.unitId),
        unitName: unit?.name ?? "",
        agencyId: unit?.agencyId ?? null,
        roleCode: role?.code ?? String(e.roleId),
        roleName: role?.name ?? "",
        hoursTaught: e.hoursTaught ?? 0,
        standardHours: role?.standardHours ?? 0,
      };
    })
    .sort((a, b) => a.unitCode.localeCompare(b.unitCode) || a.name.localeCompare(b.name, "id"));
}
