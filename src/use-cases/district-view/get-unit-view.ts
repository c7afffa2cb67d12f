import type { DbTx } from "../../db/client.ts";
import { readDistrict } from "../../db/read-district.ts";
import { viewScope, type Actor } from "../../domain/actor.ts";
import type { IneligibleReason } from "../../domain/eligibility.ts";
import { DomainError } from "../../domain/errors.ts";
import { roleHoursKind, type HoursKind } from "../../domain/hours.ts";
import { mapUnits, type MapUnit } from "./get-district-map.ts";

/** A person on the unit's staff, as the Unit page lists them. */
export interface UnitStaff {
  nip: string;
  name: string;
  role: string;
  hoursUnit: HoursKind;
  /** PNS or PPPK. */
  asnKind: string;
  /** AKTIF, CUTI, TUGAS_BELAJAR…; until when, for a leave. */
  status: string;
  statusUntil: string | null;
  monthsInPost: number;
  monthsToRetirement: number;
  /** The day the person reaches their BUP (YYYY-MM-DD). */
  retirementDate: string;
  retirementAge: number;
  /** Capacity the person brings (the role's standard for a teacher). */
  weeklyHours: number;
  /** JJM as Dapodik states it; null when unknown. */
  hoursTaught: number | null;
  certified: boolean;
  certifiedUnderStandard: boolean;
  /** Whether a check may propose them, and why not. */
  eligible: boolean;
  reasons: IneligibleReason[];
}

export interface UnitVacancy {
  role: string;
  count: number;
  reason: string;
  since: string;
}

/** A move into or out of the unit, whatever became of it. */
export interface UnitHistoryEntry {
  id: number;
  direction: "in" | "out";
  status: string;
  employee: string;
  role: string;
  other: { code: string; name: string };
  /** When it last changed state: took effect, decided, or proposed. */
  at: string;
}

/** GET /api/v1/units/:code (docs/web.md). */
export interface UnitView {
  version: 1;
  generatedAt: string;
  period: string;
  unit: MapUnit;
  staff: UnitStaff[];
  honorers: Array<{ name: string; role: string; hoursTaught: number }>;
  vacancies: UnitVacancy[];
  history: UnitHistoryEntry[];
}

const HISTORY_LENGTH = 20;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * One unit as the person may see it (a head their own, an approver their agency's, an admin any):
 * its roles and figures, each person with months in post, to retirement, JJM and certification, the
 * open vacancies, and the latest moves in and out.
 */
export async function getUnitView(
  db: DbTx,
  input: { actor: Actor; unitCode: string; now: Date; timeZone: string },
): Promise<UnitView> {
  const scope = viewScope(input.actor);
  const unit = await db.unit.findUnique({ where: { code: input.unitCode } });
  if (!unit) throw new DomainError("unit_unknown", { code: input.unitCode });
  const inScope =
    "unitId" in scope
      ? unit.id === scope.unitId
      : "agencyId" in scope
        ? unit.agencyId === scope.agencyId
        : true;
  if (!inScope) throw new DomainError("view_not_allowed");

  const [district, agency, vacancies, proposals] = await Promise.all([
    readDistrict(db, { now: input.now, timeZone: input.timeZone, unitId: unit.id }),
    db.agency.findUnique({ where: { id: unit.agencyId }, select: { id: true, code: true } }),
    db.vacancy.findMany({
      where: { unitId: unit.id, status: "OPEN" },
      include: { role: true },
      orderBy: [{ since: "asc" }, { id: "asc" }],
    }),
    db.proposal.findMany({
      where: { OR: [{ fromUnitId: unit.id }, { toUnitId: unit.id }] },
      include: { employee: true, role: true, fromUnit: true, toUnit: true },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: HISTORY_LENGTH,
    }),
  ]);
  const roles = new Map(district.roles.map((r) => [r.id, r]));
  const [mapped] = mapUnits(district, new Map(agency ? [[agency.id, agency.code]] : []));
  if (!mapped) throw new DomainError("unit_unknown", { code: input.unitCode });

  const staff = district.employees
    .map((e): UnitStaff => {
      const role = roles.get(e.roleId);
      return {
        nip: e.nip,
        name: e.name,
        role: role?.name ?? "",
        hoursUnit: role ? roleHoursKind(role) : "jam",
        asnKind: e.asnKind,
        status: e.status,
        statusUntil: e.statusUntil ? isoDay(e.statusUntil) : null,
        monthsInPost: e.eligibility.monthsInPost,
        monthsToRetirement: e.eligibility.monthsToRetirement,
        retirementDate: isoDay(e.eligibility.retirementDate),
        retirementAge: e.eligibility.retirementAge,
        weeklyHours: e.weeklyHours,
        hoursTaught: e.hoursTaught,
        certified: e.certified,
        certifiedUnderStandard: e.certifiedUnderStandard,
        eligible: e.eligibility.eligible,
        reasons: e.eligibility.reasons,
      };
    })
    .sort((a, b) => a.role.localeCompare(b.role, "id") || a.name.localeCompare(b.name, "id"));

  return {
    version: 1,
    generatedAt: input.now.toISOString(),
    period: district.period,
    unit: mapped,
    staff,
    honorers: district.honorers.map((h) => ({
      name: h.name,
      role: roles.get(h.roleId)?.name ?? "",
      hoursTaught: h.hoursTaught,
    })),
    vacancies: vacancies.map((v) => ({
      role: v.role.name,
      count: v.count,
      reason: v.reason,
      since: isoDay(v.since),
    })),
    history: proposals.map((p) => {
      const out = p.fromUnitId === unit.id;
      const other = out ? p.toUnit : p.fromUnit;
      return {
        id: p.id,
        direction: out ? "out" : "in",
        status: p.status,
        employee: p.employee.name,
        role: p.role.name,
        other: { code: other.code, name: other.name },
        at: (p.effectiveAt ?? p.decreedAt ?? p.decidedAt ?? p.createdAt).toISOString(),
      };
    }),
  };
}
