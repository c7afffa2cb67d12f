import { IN_FLIGHT_STATUSES } from "../domain/proposal-lifecycle.ts";
import type { DbTx } from "./client.ts";
import {
  assembleDistrict,
  type AssembledDistrict,
  type DistrictEmployee as Assembled,
} from "../domain/district.ts";
import type { TransferPolicy } from "../domain/eligibility.ts";
import { periodOf } from "../domain/time.ts";
import { unwillingObjectors } from "./employee-statements.ts";
import { Prisma, type Honorer, type Role, type Unit } from "../generated/prisma/client.ts";
import { readRoleKinds } from "./role-kinds.ts";

export {
  certifiedUnderStandard,
  type CertifiedUnderStandard,
  type UnitRoleLoad,
} from "../domain/district.ts";

/**
 * The employee columns the district's readers use (eligibility, retirement, the private schools'
 * criteria, the staff lists): a province reads 50,000 rows, and all 40 columns took 3.4 s in PGlite and
 * 1.0 s in PostgreSQL, these 21 1.7 s and 0.6 s (medians of five, side by side, L of bench:check).
 */
const EMPLOYEE_COLUMNS = {
  id: true,
  nip: true,
  name: true,
  unitId: true,
  roleId: true,
  status: true,
  statusUntil: true,
  weeklyHours: true,
  hoursTaught: true,
  certified: true,
  birthDate: true,
  postSince: true,
  objection: true,
  objectionReason: true,
  asnKind: true,
  jenjang: true,
  jabatanKind: true,
  jabatanName: true,
  golongan: true,
  educationLevel: true,
  disciplineUntil: true,
} as const satisfies Prisma.EmployeeSelect;
export type DistrictEmployeeRow = Prisma.EmployeeGetPayload<{ select: typeof EMPLOYEE_COLUMNS }>;
export type DistrictEmployee = Assembled<DistrictEmployeeRow>;
export type District = AssembledDistrict<Unit, Role, DistrictEmployeeRow, Honorer>;

/**
 * Everything the status pages, the snapshot and the balancing check read, in one pass of reads; the
 * district is assembled from them by domain/district.ts (capacity, demand, eligibility).
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
      select: EMPLOYEE_COLUMNS,
    }),
    db.honorer.findMany({ where: { unit: unitWhere }, orderBy: { id: "asc" } }),
    latestReports(db, period, options),
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
  return assembleDistrict(
    {
      period,
      units,
      roles,
      compatibility,
      employees,
      honorers,
      reports,
      vacancies: vacancies.map((v) => ({ unitId: v.unitId, roleId: v.roleId, count: v._sum.count ?? 0 })),
      inFlight: new Set(pending.map((p) => p.employeeId)),
      roleKinds,
      unwilling,
    },
    options.now,
    options.policy,
  );
}

/**
 * Each unit and role's newest workload report up to `period`: the need the district is planned for.
 * Heads report every month, so a province adds about 16,000 reports a month, half a million in three
 * years; only the newest of each is read (DISTINCT ON): reading them all took 4.7 s in PostgreSQL on L
 * after three years (docs/flow-core.md, the thirteenth round).
 */
function latestReports(
  db: DbTx,
  period: string,
  scope: { agencyId?: number; unitId?: number },
): Promise<Array<{ unitId: number; roleId: number; hoursNeeded: number }>> {
  const agency = scope.agencyId ? Prisma.sql`AND u."agencyId" = ${scope.agencyId}` : Prisma.empty;
  const unit = scope.unitId ? Prisma.sql`AND u.id = ${scope.unitId}` : Prisma.empty;
  return db.$queryRaw`
    SELECT DISTINCT ON (w."unitId", w."roleId") w."unitId", w."roleId", w."hoursNeeded"
    FROM "WorkloadReport" w JOIN "Unit" u ON u.id = w."unitId"
    WHERE w.period <= ${period} ${agency} ${unit}
    ORDER BY w."unitId", w."roleId", w.period DESC`;
}
