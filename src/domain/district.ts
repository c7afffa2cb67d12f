// A district as the status pages, the snapshot and the balancing check see it, assembled from its rows:
// capacity from active staff and honorers, demand by effectiveDemand, each person's eligibility. Pure:
// db/read-district.ts reads the rows.
import { effectiveDemand, hoursTaughtThere, rombelHours, type DemandSource } from "./demand.ts";
import {
  checkEligibility,
  DEFAULT_TRANSFER_POLICY,
  type Eligibility,
  type TransferPolicy,
} from "./eligibility.ts";
import { personRetirementAge, type RetirementPerson, type RetirementRole } from "./retirement-age.ts";
import { isCertifiedUnderStandard, roleLoad, type RoleLoad } from "./workload.ts";
import { pushTo } from "./balance/exact/collections.ts";

export interface UnitRow {
  id: number;
  code: string;
  name: string;
  kind: string;
  agencyId: number | null;
  rombel: number | null;
}

export interface RoleRow extends RetirementRole {
  id: number;
  code: string;
  name: string;
  standardHours: number;
  hoursPerRombel: number | null;
}

export interface EmployeeRow extends RetirementPerson {
  id: number;
  nip: string;
  name: string;
  unitId: number;
  roleId: number;
  status: string;
  weeklyHours: number;
  hoursTaught: number | null;
  certified: boolean;
  birthDate: Date;
  postSince: Date;
  objection: boolean;
}

export interface HonorerRow {
  unitId: number;
  roleId: number;
  hoursTaught: number;
}

/** What db/read-district.ts reads for one district (or one agency, or one unit). */
export interface DistrictRows<
  U extends UnitRow,
  R extends RoleRow,
  E extends EmployeeRow,
  H extends HonorerRow,
> {
  period: string;
  units: U[];
  roles: R[];
  compatibility: Array<{ fromRoleId: number; toRoleId: number }>;
  employees: E[];
  honorers: H[];
  /** Workload reports up to this period, newest first. */
  reports: Array<{ unitId: number; roleId: number; hoursNeeded: number }>;
  /** Open vacancies summed per unit and role. */
  vacancies: Array<{ unitId: number; roleId: number; count: number }>;
  /** People with a proposal in flight (pending, approved, decreed). */
  inFlight: Set<number>;
  /** "KIND:roleId" of each role that belongs to a kind of unit. */
  roleKinds: Set<string>;
  /** People whose own "tidak bersedia" counts as an objection. */
  unwilling: Set<number>;
}

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

export type DistrictEmployee<E extends EmployeeRow> = E & {
  eligibility: Eligibility;
  /** Certified, a teacher, and teaching under the role's standard: the professional allowance is at risk. */
  certifiedUnderStandard: boolean;
};

/** The rows' units, roles, compatibility and honorers as read, each person with eligibility, and the loads. */
export type AssembledDistrict<
  U extends UnitRow,
  R extends RoleRow,
  E extends EmployeeRow,
  H extends HonorerRow,
> = Pick<DistrictRows<U, R, E, H>, "period" | "units" | "roles" | "compatibility" | "honorers"> & {
  employees: Array<DistrictEmployee<E>>;
  /** Per unit and role that has staff, honorers, a report, a vacancy, or a need from its rombel. */
  loads: UnitRoleLoad[];
};

const key = (unitId: number, roleId: number) => `${unitId}:${roleId}`;
type Taught = { hoursTaught: number | null; capacity: number };

/** Capacity, demand and eligibility of every unit, role and person in the rows. */
export function assembleDistrict<
  U extends UnitRow,
  R extends RoleRow,
  E extends EmployeeRow,
  H extends HonorerRow,
>(
  rows: DistrictRows<U, R, E, H>,
  now: Date,
  policy: TransferPolicy = DEFAULT_TRANSFER_POLICY,
): AssembledDistrict<U, R, E, H> {
  const { units, roles, compatibility, employees, honorers, reports, vacancies, roleKinds, unwilling } = rows;
  const pendingIds = rows.inFlight;
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
  const open = new Map(vacancies.map((v) => [key(v.unitId, v.roleId), v.count]));
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

  return {
    period: rows.period,
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
          now,
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
export function certifiedUnderStandard(
  district: AssembledDistrict<UnitRow, RoleRow, EmployeeRow, HonorerRow>,
): CertifiedUnderStandard[] {
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

/**
 * The rows of each unit, in their order, looked up by unit id (an empty list for a unit without any): a
 * province's views ask for 3,000 units' loads or certified teachers, and filtering the whole list for
 * each unit grew with the square of its size.
 */
export function rowsByUnit<T extends { unitId: number }>(
  rows: readonly T[],
): (unitId: number) => readonly T[] {
  const byUnit = new Map<number, T[]>();
  for (const row of rows) pushTo(byUnit, row.unitId, row);
  return (unitId) => byUnit.get(unitId) ?? [];
}
