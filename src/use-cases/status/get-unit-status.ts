import type { DbTx } from "../../db/client.ts";
import type { ProposalStatus, Unit, VacancyReason } from "../../generated/prisma/client.ts";
import {
  certifiedUnderStandard,
  readDistrict,
  type CertifiedUnderStandard,
  type UnitRoleLoad,
} from "../../db/read-district.ts";
import { loadUnitHead } from "../../db/unit-head.ts";
import { hoursUnitOf } from "../../messages/format.ts";

export interface UnitStatus {
  unit: Unit;
  period: string;
  staff: { active: number; total: number; objections: number };
  /** Per role, with the unit its hours are counted in: JP for teaching roles, jam for the others. */
  loads: Array<UnitRoleLoad & { roleName: string; hoursUnit: "JP" | "jam" }>;
  /** Certified teachers here teaching under the standard load (the professional allowance needs 24 JP). */
  certifiedUnderStandard: CertifiedUnderStandard[];
  vacancies: Array<{ roleName: string; count: number; reason: VacancyReason; since: Date }>;
  proposals: Array<{
    direction: "in" | "out";
    employeeName: string;
    roleName: string;
    otherUnitName: string;
    status: ProposalStatus;
  }>;
}

/** A head's summary of their own unit: staff, demand against capacity per role, vacancies, transfers touching it. */
export async function getUnitStatus(
  db: DbTx,
  input: { userId: number; now: Date; timeZone: string },
): Promise<UnitStatus> {
  const head = await loadUnitHead(db, input.userId);
  const unitId = head.unit.id;
  const [district, vacancies, proposals] = await Promise.all([
    readDistrict(db, { now: input.now, timeZone: input.timeZone, unitId }),
    db.vacancy.findMany({
      where: { unitId, status: "OPEN" },
      include: { role: true },
      orderBy: { since: "asc" },
    }),
    db.proposal.findMany({
      where: {
        OR: [{ fromUnitId: unitId }, { toUnitId: unitId }],
        status: {
          in: ["PENDING", "APPROVED", "DECREED", "EFFECTIVE", "CANCELLED", "REJECTED", "SUPERSEDED"],
        },
      },
      include: { employee: true, role: true, fromUnit: true, toUnit: true },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 100,
    }),
  ]);
  const roleById = new Map(district.roles.map((r) => [r.id, r]));
  return {
    unit: head.unit,
    period: district.period,
    staff: {
      active: district.employees.filter((e) => e.status === "AKTIF").length,
      total: district.employees.length,
      objections: district.employees.filter((e) => e.objection).length,
    },
    loads: district.loads.map((l) => {
      const role = roleById.get(l.roleId);
      return { ...l, roleName: role?.name ?? "", hoursUnit: role ? hoursUnitOf(role) : "jam" };
    }),
    certifiedUnderStandard: certifiedUnderStandard(district),
    vacancies: vacancies.map((v) => ({
      roleName: v.role.name,
      count: v.count,
      reason: v.reason,
      since: v.since,
    })),
    // Each person once, in their latest state: a rejected move and the next one are one story (issue 24).
    proposals: latestPerPerson(proposals).map((p) => ({
      direction: p.toUnitId === unitId ? "in" : "out",
      employeeName: p.employee.name,
      roleName: p.role.name,
      otherUnitName: p.toUnitId === unitId ? p.fromUnit.name : p.toUnit.name,
      status: p.status,
    })),
  };
}

/** The newest proposal of each person (the list is newest first), at most ten people. */
function latestPerPerson<T extends { employeeId: number }>(proposals: readonly T[]): T[] {
  const seen = new Set<number>();
  return proposals
    .filter((p) => {
      if (seen.has(p.employeeId)) return false;
      seen.add(p.employeeId);
      return true;
    })
    .slice(0, 10);
}
