import type { DbTx } from "../../db/client.ts";
import type { DemandSource } from "../../domain/demand.ts";
import { compareKecamatan, totalsByKecamatan, type KecamatanTotals } from "../../domain/kecamatan.ts";
import { abkBand, loadRatio } from "../../domain/workload.ts";
import {
  hoursTotals,
  roleHoursKind,
  sumHoursTotals,
  type HoursKind,
  type HoursTotals,
} from "../../domain/hours.ts";
import { getAuditTrail, type AuditTrailEntry } from "./get-audit-trail.ts";
import { certifiedUnderStandard, readDistrict, type CertifiedUnderStandard } from "../../db/read-district.ts";
import { rowsByUnit } from "../../domain/district.ts";

export interface RoleStatus {
  role: string;
  /** What its hours count: JP (lesson hours) for teaching roles, jam for the others. */
  hoursUnit: HoursKind;
  staff: number;
  demand: number;
  capacity: number;
  /** null when there is demand and nobody to carry it (an infinite load). */
  ratio: number | null;
  band: string;
  /** report, rombel, hours_taught, vacancies or assumed (see domain/demand.ts). */
  demandSource: DemandSource;
  honorers: number;
  /** Σ JJM there, when any is known. */
  hoursTaught: number | null;
  /** Certified teachers in the role teaching under its standard. */
  certifiedUnderStandard: number;
}

export interface DistrictUnitStatus {
  code: string;
  name: string;
  kind: string;
  /** Negeri / Swasta for schools (Dapodik), null for offices: private schools are reported apart (issue 29). */
  schoolStatus: string | null;
  agency: string;
  /** Kemendagri kecamatan; null for both when the unit's is not known yet. */
  kecamatan: string | null;
  kecamatanCode: string | null;
  staff: number;
  honorers: number;
  demand: number;
  capacity: number;
  ratio: number | null;
  band: string;
  unmet: number;
  /** Demand, capacity and unmet hours with JP and jam apart (issue 25). */
  hours: HoursTotals;
  certifiedUnderStandard: number;
  roles: RoleStatus[];
}

export interface KecamatanStatus extends Omit<KecamatanTotals, "ratio"> {
  ratio: number | null;
}

/** One proposal as `status --json` lists it: where it stands, with its SK once recorded. */
export interface ProposalState {
  id: number;
  status: string;
  nip: string;
  from: string;
  to: string;
  role: string;
  skNumber: string | null;
  /** yyyy-mm-dd. */
  skDate: string | null;
  tmt: string | null;
  objectionDeadline: string | null;
  effectiveAt: string | null;
  cancelReason: string | null;
}

export interface DistrictStatus {
  generatedAt: string;
  period: string;
  totals: {
    units: number;
    staff: number;
    demand: number;
    capacity: number;
    unmet: number;
    /** Demand, capacity and unmet hours with JP and jam apart (issue 25). */
    hours: HoursTotals;
  };
  /** Units in kecamatan order (unknown last); one total per kecamatan in `kecamatan`. */
  units: DistrictUnitStatus[];
  kecamatan: KecamatanStatus[];
  /** Certified teachers under the standard JP: the professional allowance needs 24 JP. */
  certifiedUnderStandard: Array<Omit<CertifiedUnderStandard, "unitId" | "agencyId">>;
  users: Array<{ role: string; count: number }>;
  /** The agencies by the code `invite hr` and `/hubungkan` take, with their number of units. */
  agencies: Array<{ code: string; name: string; units: number }>;
  openVacancies: Array<{ unit: string; role: string; count: number; reason: string; since: string }>;
  pendingProposals: Array<{
    id: number;
    employee: string;
    from: string;
    to: string;
    role: string;
    expiresAt: string;
  }>;
  /** Every proposal with its state in the lifecycle (issue 15), oldest first. */
  proposals: ProposalState[];
  /** How many proposals are in each state. */
  proposalCounts: Record<string, number>;
  /** Every decision with who, when and why, newest first. */
  auditTrail: AuditTrailEntry[];
  /** Pushes the sender gave up on (Telegram refused them), for an operator to look at. */
  deadLetters: Array<{ id: number; chatId: string; method: string; error: string | null; createdAt: string }>;
}

// @db.Date columns hold the calendar day at UTC midnight.
const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/** A proposal's origin, destination and role, by code. */
const PLACES = {
  fromUnit: { select: { code: true } },
  toUnit: { select: { code: true } },
  role: { select: { code: true } },
} as const;

const finite = (value: number) => (Number.isFinite(value) ? Math.round(value * 100) / 100 : null);

/** What `status` prints: per unit and role the demand, capacity, load ratio and ABK band. */
export async function getDistrictStatus(
  db: DbTx,
  input: { now: Date; timeZone: string },
): Promise<DistrictStatus> {
  const district = await readDistrict(db, input);
  const [agencies, users, vacancies, pending, all, auditTrail, dead] = await Promise.all([
    db.agency.findMany(),
    db.user.groupBy({ by: ["role"], _count: { _all: true }, orderBy: { role: "asc" } }),
    db.vacancy.findMany({
      where: { status: "OPEN" },
      include: { unit: true, role: true },
      orderBy: { since: "asc" },
    }),
    // Only the fields listed (as the Mini App's reads, district-view/): a province's proposals with whole
    // rows of their units and roles are read in several times as long.
    db.proposal.findMany({
      where: { status: "PENDING" },
      select: { id: true, expiresAt: true, employee: { select: { name: true } }, ...PLACES },
      orderBy: { id: "asc" },
    }),
    db.proposal.findMany({
      select: {
        id: true,
        status: true,
        skNumber: true,
        skDate: true,
        tmt: true,
        objectionDeadline: true,
        effectiveAt: true,
        cancelReason: true,
        employee: { select: { nip: true } },
        ...PLACES,
      },
      orderBy: { id: "asc" },
    }),
    getAuditTrail(db, { limit: 200 }),
    db.outboxMessage.findMany({ where: { status: "DEAD" }, orderBy: { id: "desc" }, take: 50 }),
  ]);
  const agencyCode = new Map(agencies.map((a) => [a.id, a.code]));
  const roleCode = new Map(district.roles.map((r) => [r.id, r.code]));

  const certified = certifiedUnderStandard(district);
  const certifiedOf = rowsByUnit(certified);
  const certifiedAt = (unitId: number, roleCode?: string) =>
    certifiedOf(unitId).filter((c) => roleCode === undefined || c.roleCode === roleCode).length;
  const loadsOf = rowsByUnit(district.loads);

  const kinds = new Map(district.roles.map((r) => [r.id, roleHoursKind(r)]));
  const kindOf = (roleId: number) => kinds.get(roleId) ?? ("jam" as const);
  const units: DistrictUnitStatus[] = [...district.units].sort(compareKecamatan).map((unit) => {
    const loads = loadsOf(unit.id);
    const sum = (pick: (l: (typeof loads)[number]) => number) =>
      loads.reduce((total, l) => total + pick(l), 0);
    const demand = sum((l) => l.demand);
    const capacity = sum((l) => l.capacity);
    const ratio = loadRatio(demand, capacity);
    return {
      code: unit.code,
      name: unit.name,
      kind: unit.kind,
      schoolStatus: unit.schoolStatus,
      agency: agencyCode.get(unit.agencyId) ?? "",
      kecamatan: unit.kecamatan,
      kecamatanCode: unit.kecamatanCode,
      staff: sum((l) => l.staff),
      honorers: sum((l) => l.honorers),
      demand,
      capacity,
      ratio: finite(ratio),
      band: abkBand(ratio),
      unmet: sum((l) => l.unmet),
      hours: hoursTotals(loads.map((l) => ({ ...l, kind: kindOf(l.roleId) }))),
      certifiedUnderStandard: certifiedAt(unit.id),
      roles: loads.map((l) => {
        const role = roleCode.get(l.roleId) ?? String(l.roleId);
        return {
          role,
          hoursUnit: kindOf(l.roleId),
          staff: l.staff,
          demand: l.demand,
          capacity: l.capacity,
          ratio: finite(l.ratio),
          band: l.band,
          demandSource: l.demandSource,
          honorers: l.honorers,
          hoursTaught: l.hoursTaught,
          certifiedUnderStandard: certifiedAt(unit.id, role),
        };
      }),
    };
  });

  return {
    generatedAt: input.now.toISOString(),
    period: district.period,
    totals: {
      units: units.length,
      staff: units.reduce((sum, u) => sum + u.staff, 0),
      demand: units.reduce((sum, u) => sum + u.demand, 0),
      capacity: units.reduce((sum, u) => sum + u.capacity, 0),
      unmet: district.loads.reduce((sum, l) => sum + l.unmet, 0),
      hours: sumHoursTotals(units.map((u) => u.hours)),
    },
    units,
    kecamatan: totalsByKecamatan(units).map((k) => ({ ...k, ratio: finite(k.ratio) })),
    certifiedUnderStandard: certified.map(({ unitId: _unit, agencyId: _agency, ...c }) => c),
    users: users.map((u) => ({ role: u.role, count: u._count._all })),
    agencies: [...agencies]
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((a) => ({ code: a.code, name: a.name, units: units.filter((u) => u.agency === a.code).length })),
    openVacancies: vacancies.map((v) => ({
      unit: v.unit.code,
      role: v.role.code,
      count: v.count,
      reason: v.reason,
      since: v.since.toISOString().slice(0, 10),
    })),
    pendingProposals: pending.map((p) => ({
      id: p.id,
      employee: p.employee.name,
      from: p.fromUnit.code,
      to: p.toUnit.code,
      role: p.role.code,
      expiresAt: p.expiresAt.toISOString(),
    })),
    proposals: all.map((p) => ({
      id: p.id,
      status: p.status,
      nip: p.employee.nip,
      from: p.fromUnit.code,
      to: p.toUnit.code,
      role: p.role.code,
      skNumber: p.skNumber,
      skDate: day(p.skDate),
      tmt: day(p.tmt),
      objectionDeadline: day(p.objectionDeadline),
      effectiveAt: p.effectiveAt?.toISOString() ?? null,
      cancelReason: p.cancelReason,
    })),
    proposalCounts: all.reduce<Record<string, number>>((counts, p) => {
      counts[p.status] = (counts[p.status] ?? 0) + 1;
      return counts;
    }, {}),
    auditTrail,
    deadLetters: dead.map((m) => ({
      id: m.id,
      chatId: m.chatId.toString(),
      method: m.method,
      error: m.lastError,
      createdAt: m.createdAt.toISOString(),
    })),
  };
}
