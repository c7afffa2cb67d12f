import type { DbTx } from "../../db/client.ts";
import type { ShortfallReason } from "../../domain/balance/index.ts";
import type { Clock } from "../../domain/clock.ts";
import {
  defaultQualification,
  HIREABLE_REASONS,
  projectFormasi,
  type FormasiInputRow,
  type FormasiRetiree,
  type FormasiRow,
} from "../../domain/formasi.ts";
import { roleHoursKind } from "../../domain/hours.ts";
import { IN_FLIGHT_STATUSES } from "../../domain/proposal-lifecycle.ts";
import { localDate } from "../../domain/time.ts";
import { computeBalancingPlan } from "../balancing-check/index.ts";
import type { PlanMemo } from "../../engine/plan-memo.ts";

export const FORMASI_YEARS = 5;

export interface FormasiRetireeLine extends FormasiRetiree {
  unitName: string;
  roleName: string;
  /** The hours a week the person brings, in the role's unit: what the unit loses. */
  hours: number;
  hoursUnit: "JP" | "jam";
  agencyId: number;
  year: number;
}

export interface Formasi {
  /** The first year asked for (next year) and the years in order. */
  years: number[];
  generatedAt: Date;
  period: string;
  /** One row per role and unit with need or people, by role then unit. */
  rows: FormasiRow[];
  /** The people reaching their BUP before the last year ends, by date. */
  retirees: FormasiRetireeLine[];
  /** Whether the plan behind "after the plan" was proven optimal, and its tiers. */
  plan: { optimal: boolean; tiersProven: number[]; moves: number };
  /** The reasons the plan left each row short, for the sheet's note. */
  reasons: Map<string, ShortfallReason[]>;
}

/**
 * The formasi of the district (or of one agency): each role at each unit with its need, its people
 * (PNS, PPPK, honorers apart), what is short now, after the proposals in flight and after the weekly
 * check's optimal plan, the retirements of each coming year and the posts to ask for. The plan is the
 * check's own (computeBalancingPlan), so the sheet agrees with `check --json`; nothing is stored.
 */
export async function buildFormasi(
  db: DbTx,
  clock: Clock,
  options: { timeZone: string; years?: number; agencyId?: number | null; plans?: PlanMemo | undefined },
): Promise<Formasi> {
  const now = clock.now();
  const yearCount = options.years ?? FORMASI_YEARS;
  const firstYear = localDate(now, options.timeZone).getUTCFullYear() + 1;
  const years = Array.from({ length: yearCount }, (_, i) => firstYear + i);
  const {
    district,
    plan,
    input: planInput,
  } = await computeBalancingPlan(db, clock, { timeZone: options.timeZone, plans: options.plans });
  const inFlight = await db.proposal.findMany({
    where: { status: { in: [...IN_FLIGHT_STATUSES] } },
    select: {
      status: true,
      expiresAt: true,
      employeeId: true,
      fromUnitId: true,
      toUnitId: true,
      roleId: true,
    },
  });

  const units = new Map(district.units.map((u) => [u.id, u]));
  const roles = new Map(district.roles.map((r) => [r.id, r]));
  const employees = new Map(district.employees.map((e) => [e.id, e]));
  const key = (unitId: number, roleId: number) => `${unitId}:${roleId}`;

  // The proposals in flight carried out: each active person's hours leave one role and reach another.
  const flightShift = new Map<string, number>();
  for (const p of inFlight) {
    if (p.status === "PENDING" && p.expiresAt <= now) continue;
    const person = employees.get(p.employeeId);
    if (!person || person.status !== "AKTIF") continue;
    const from = key(p.fromUnitId, person.roleId);
    const to = key(p.toUnitId, p.roleId);
    flightShift.set(from, (flightShift.get(from) ?? 0) - person.weeklyHours);
    flightShift.set(to, (flightShift.get(to) ?? 0) + person.weeklyHours);
  }
  const afterPlan = new Map(
    plan.units.flatMap((u) => u.roles.map((r) => [`${u.unit}|${r.role}`, r.capacityAfter] as const)),
  );
  const left = new Map<string, { hireable: number; policy: number; reasons: ShortfallReason[] }>();
  for (const s of plan.shortfalls ?? []) {
    const entry = left.get(`${s.unit}|${s.role}`) ?? { hireable: 0, policy: 0, reasons: [] };
    if (HIREABLE_REASONS.has(s.reason)) entry.hireable += s.unmetHours;
    else entry.policy += s.unmetHours;
    entry.reasons.push(s.reason);
    left.set(`${s.unit}|${s.role}`, entry);
  }
  const people = new Map<string, { pns: number; pppk: number; onLeave: number }>();
  for (const e of district.employees) {
    const entry = people.get(key(e.unitId, e.roleId)) ?? { pns: 0, pppk: 0, onLeave: 0 };
    if (e.status === "AKTIF") entry[e.asnKind === "PPPK" ? "pppk" : "pns"] += 1;
    else if (e.status === "CUTI" || e.status === "TUGAS_BELAJAR") entry.onLeave += 1;
    people.set(key(e.unitId, e.roleId), entry);
  }

  const inScope = (agencyId: number) => !options.agencyId || agencyId === options.agencyId;
  const rows: FormasiInputRow[] = [];
  const reasons = new Map<string, ShortfallReason[]>();
  // A need the plan has that the district's loads do not: a private school's request for a role it
  // has nobody in (issue 29).
  const unitByCode = new Map(district.units.map((u) => [u.code, u]));
  const roleByCode = new Map(district.roles.map((r) => [r.code, r]));
  const loaded = new Set(district.loads.map((l) => key(l.unitId, l.roleId)));
  const requested = planInput.demand.flatMap((d) => {
    const unit = unitByCode.get(d.unit);
    const role = roleByCode.get(d.role);
    if (!unit || !role || loaded.has(key(unit.id, role.id))) return [];
    return [{ unitId: unit.id, roleId: role.id, demand: d.hours, capacity: 0, honorers: 0 }];
  });
  for (const load of [...district.loads, ...requested]) {
    const unit = units.get(load.unitId);
    const role = roles.get(load.roleId);
    if (!unit || !role || !inScope(unit.agencyId)) continue;
    const here = people.get(key(unit.id, role.id)) ?? { pns: 0, pppk: 0, onLeave: 0 };
    if (load.demand <= 0 && here.pns + here.pppk + here.onLeave + load.honorers === 0) continue;
    const capacityAfterFlight = load.capacity + (flightShift.get(key(unit.id, role.id)) ?? 0);
    const short = left.get(`${unit.code}|${role.code}`);
    if (short) reasons.set(`${unit.code}|${role.code}`, short.reasons);
    rows.push({
      unitCode: unit.code,
      unitName: unit.name,
      agencyId: unit.agencyId,
      schoolStatus: unit.schoolStatus,
      roleCode: role.code,
      roleName: role.name,
      hoursUnit: roleHoursKind(role),
      standardHours: role.standardHours,
      qualification: role.qualification ?? defaultQualification(role) ?? "",
      demand: load.demand,
      capacity: load.capacity,
      capacityAfterFlight,
      capacityAfterPlan: afterPlan.get(`${unit.code}|${role.code}`) ?? capacityAfterFlight,
      hireableHours: short?.hireable ?? 0,
      policyHours: short?.policy ?? 0,
      pns: here.pns,
      pppk: here.pppk,
      honorers: load.honorers,
      onLeave: here.onLeave,
    });
  }
  rows.sort(
    (a, b) => a.roleName.localeCompare(b.roleName, "id") || a.unitName.localeCompare(b.unitName, "id"),
  );

  const lastDay = new Date(Date.UTC(firstYear + yearCount, 0, 1));
  const retirees: FormasiRetireeLine[] = district.employees.flatMap((e) => {
    const unit = units.get(e.unitId);
    const role = roles.get(e.roleId);
    if (!unit || !role || !inScope(unit.agencyId) || e.status === "NONAKTIF") return [];
    const { retirementAge: age, retirementDate: date } = e.eligibility;
    if (date >= lastDay) return [];
    return [
      {
        nip: e.nip,
        name: e.name,
        unitCode: unit.code,
        unitName: unit.name,
        roleCode: role.code,
        roleName: role.name,
        agencyId: unit.agencyId,
        status: e.status,
        retirementAge: age,
        retirementDate: date,
        inBezetting: e.status === "AKTIF",
        hours: e.weeklyHours,
        hoursUnit: roleHoursKind(role),
        year: Math.max(firstYear, date.getUTCFullYear()),
      },
    ];
  });
  retirees.sort(
    (a, b) => a.retirementDate.getTime() - b.retirementDate.getTime() || a.nip.localeCompare(b.nip),
  );

  return {
    years,
    generatedAt: now,
    period: district.period,
    rows: projectFormasi({ rows, retirees, firstYear, years: yearCount }),
    retirees,
    plan: { optimal: plan.metrics.optimal, tiersProven: plan.metrics.tiersProven, moves: plan.metrics.moves },
    reasons,
  };
}
