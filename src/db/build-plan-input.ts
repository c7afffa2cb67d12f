import { IN_FLIGHT_STATUSES } from "../domain/proposal-lifecycle.ts";
import type { DbTx } from "./client.ts";
import type { IneligibleWhy, PlanEmployee, PlanInput, PlanPolicy } from "../domain/balance/index.ts";
import type { TransferPolicy } from "../domain/eligibility.ts";
import {
  balancePolicyFrom,
  DEFAULT_FLIGHT_POLICY,
  monthsBefore,
  monthsFrom,
  transferPolicyFrom,
  type FlightPolicy,
} from "../domain/balance-policy.ts";

export {
  DEFAULT_BALANCE_POLICY,
  DEFAULT_FLIGHT_POLICY,
  monthsBefore,
  type FlightPolicy,
} from "../domain/balance-policy.ts";
import { readDistrict, type District } from "./read-district.ts";
import { getSetting } from "./settings.ts";
import { loadStatements } from "./employee-statements.ts";
import { readPreferences } from "../domain/employee-statement.ts";
import type { EmployeeStatement, Honorer, Unit } from "../generated/prisma/client.ts";
import type { RedistributionBar } from "../domain/redistribution.ts";
import { readPrivateSchools } from "./private-schools.ts";

export const BALANCE_POLICY_SETTING = "policy.balance";
export const MIN_MONTHS_SETTING = "policy.minMonthsInPost";

/** Setting "policy.balance" over the defaults (domain/balance-policy.ts). */
export async function readBalancePolicy(db: DbTx): Promise<Required<PlanPolicy>> {
  return balancePolicyFrom(await getSetting<unknown>(db, BALANCE_POLICY_SETTING));
}

async function readTransferPolicy(db: DbTx): Promise<TransferPolicy> {
  return transferPolicyFrom(await getSetting<unknown>(db, MIN_MONTHS_SETTING));
}

export const CAP_WINDOW_SETTING = "policy.capWindowMonths";
export const REJECTION_COOLDOWN_SETTING = "policy.rejectionCooldownMonths";

/** Settings policy.capWindowMonths and policy.rejectionCooldownMonths over their defaults (12 and 6). */
export async function readFlightPolicy(db: DbTx): Promise<FlightPolicy> {
  const months = async (key: string, fallback: number) =>
    monthsFrom(await getSetting<unknown>(db, key), fallback);
  return {
    capWindowMonths: await months(CAP_WINDOW_SETTING, DEFAULT_FLIGHT_POLICY.capWindowMonths),
    rejectionCooldownMonths: await months(
      REJECTION_COOLDOWN_SETTING,
      DEFAULT_FLIGHT_POLICY.rejectionCooldownMonths,
    ),
  };
}

export interface BuiltPlanInput {
  input: PlanInput;
  district: District;
  /** Private schools in this plan (by code), and why each teacher may not go there (by NIP). */
  redistribution: Redistribution;
}

export interface Redistribution {
  privateUnits: ReadonlySet<string>;
  bars: ReadonlyMap<string, RedistributionBar[]>;
}

/**
 * The database as the plan format of DESIGN.md. Units and roles are named by their codes,
 * employees by NIP. Only active staff bring hours (the same capacity the status pages show), where
 * they are now: only an effective move changes that (DESIGN.md "The plan in flight"). The proposals
 * in flight go in `inFlight` (approved or decreed ones committed, pending ones to start from), the
 * transfers effective within policy.capWindowMonths in `recentMoves` (they count against the caps),
 * and the rejections within policy.rejectionCooldownMonths as `excludedUnits` (this school) or
 * `why: "rejected"` (the person). Guru honorer bring their JJM where they teach and are never moved;
 * `movable` is the eligibility rule (2 years in post, not within 12 months of the BUP, no objection,
 * nothing committed), decided here so the engine stays pure; `why` names the first rule that stops
 * someone. Version 2 (DESIGN.md "Plan format v2") with the agency's policy.
 */
export async function buildPlanInput(
  db: DbTx,
  options: { now: Date; timeZone: string },
): Promise<BuiltPlanInput> {
  const district = await readDistrict(db, {
    now: options.now,
    timeZone: options.timeZone,
    policy: await readTransferPolicy(db),
  });
  const flight = await readFlightPolicy(db);
  const unitCode = new Map(district.units.map((u) => [u.id, u.code]));
  const roleCode = new Map(district.roles.map((r) => [r.id, r.code]));
  const code = (map: Map<number, string>, id: number) => map.get(id) ?? String(id);
  const inFlightRows = await db.proposal.findMany({
    where: { status: { in: [...IN_FLIGHT_STATUSES] } },
    select: { employeeId: true, toUnitId: true, roleId: true, status: true },
    orderBy: { id: "asc" },
  });
  const inFlightOf = new Map(inFlightRows.map((p) => [p.employeeId, p]));
  const { excluded, rejectedPeople } = await readRejections(
    db,
    monthsBefore(options.now, flight.rejectionCooldownMonths),
  );
  const active = district.employees.filter((e) => e.status === "AKTIF");
  const wishesOf = employeeWishes(
    district.units,
    await loadStatements(
      db,
      active.map((e) => e.id),
    ),
  );
  const nipOf = new Map(district.employees.map((e) => [e.id, e.nip]));
  const activeNip = new Map(active.map((e) => [e.id, e.nip]));
  const privateSchools = await readPrivateSchools(db, district, options.now);
  const input: PlanInput = {
    version: 2,
    units: district.units.map((u) => ({
      id: u.code,
      name: u.name,
      lat: u.lat,
      lon: u.lon,
      ...(privateSchools.planned.has(u.code) ? { private: true } : {}),
    })),
    roles: district.roles.map((r) => ({ id: r.code, name: r.name, standardHours: r.standardHours })),
    demand: [...district.loads, ...privateSchools.extra]
      .map((load) => ({
        unit: code(unitCode, load.unitId),
        role: code(roleCode, load.roleId),
        hours: privateSchools.demand(load),
      }))
      .filter((row) => row.hours > 0),
    employees: [
      ...active.map((e): PlanEmployee => {
        // A pending proposal does not stop its person: the check starts from it and keeps it where it
        // is still optimal. An approved or decreed one does (it is committed).
        const pendingOnly = inFlightOf.get(e.id)?.status === "PENDING";
        const reasons: IneligibleWhy[] = e.eligibility.reasons.filter(
          (reason) => !(reason === "pending" && pendingOnly),
        );
        if (rejectedPeople.has(e.id)) reasons.push("rejected");
        // Never moved out of a private school by the engine (Permendikdasmen 1/2025 places, it does not take).
        if (privateSchools.units.has(e.unitId)) reasons.push("other");
        const schools = [
          ...(excluded.get(e.id) ?? []).map((unitId) => code(unitCode, unitId)),
          // A teacher who does not meet the criteria is never sent to a private school.
          ...(privateSchools.bars.has(e.nip) ? privateSchools.planned : []),
        ];
        return {
          id: e.nip,
          name: e.name,
          unit: code(unitCode, e.unitId),
          role: code(roleCode, e.roleId),
          hours: e.weeklyHours,
          movable: reasons.length === 0,
          ...(reasons.length === 0 ? {} : { why: reasons[0] ?? "other" }),
          ...(schools.length > 0 ? { excludedUnits: [...new Set(schools)].sort() } : {}),
          ...wishesOf(e.id),
        };
      }),
      ...district.honorers.map(honorerEmployee(unitCode, roleCode)),
    ],
    compatibility: district.compatibility.map((c) => ({
      from: code(roleCode, c.fromRoleId),
      to: code(roleCode, c.toRoleId),
    })),
    policy: await readBalancePolicy(db),
    inFlight: inFlightRows.flatMap((p) => {
      const nip = activeNip.get(p.employeeId);
      // Someone who left the active staff cannot be held anywhere: the lifecycle jobs end their proposal.
      if (nip === undefined) return [];
      return [
        {
          employee: nip,
          to: code(unitCode, p.toUnitId),
          role: code(roleCode, p.roleId),
          state: p.status === "PENDING" ? ("pending" as const) : ("committed" as const),
        },
      ];
    }),
    recentMoves: (
      await db.transfer.findMany({
        where: { effectiveDate: { gte: monthsBefore(options.now, flight.capWindowMonths) } },
        select: { employeeId: true, fromUnitId: true, toUnitId: true },
        orderBy: { id: "asc" },
      })
    ).map((t) => ({
      ...(nipOf.has(t.employeeId) ? { employee: nipOf.get(t.employeeId) } : {}),
      from: code(unitCode, t.fromUnitId),
      to: code(unitCode, t.toUnitId),
    })),
  };
  return {
    input,
    district,
    redistribution: { privateUnits: privateSchools.planned, bars: privateSchools.bars },
  };
}

/**
 * Rejections still in their cooldown and not lifted: per person, the schools they are not proposed
 * for again (SCHOOL), and the people not proposed at all (PERSON).
 */
async function readRejections(db: DbTx, since: Date) {
  const rows = await db.proposal.findMany({
    where: { status: "REJECTED", decidedAt: { gte: since }, rejectionLiftedAt: null },
    select: { employeeId: true, toUnitId: true, rejectScope: true },
  });
  const excluded = new Map<number, number[]>();
  const rejectedPeople = new Set<number>();
  for (const row of rows) {
    if (row.rejectScope === "PERSON") rejectedPeople.add(row.employeeId);
    else excluded.set(row.employeeId, [...(excluded.get(row.employeeId) ?? []), row.toUnitId]);
  }
  return { excluded, rejectedPeople };
}

/**
 * What a person said in /saya, as plan fields (tiers 5 and 6 of plan v2): `volunteer` when they said
 * bersedia; a stated school as its code, a stated kecamatan as every unit in it (by the unit's kecamatan
 * name, case-insensitive). Units that no longer exist are dropped, so an old statement cannot make the
 * plan input invalid. "Tidak bersedia" is not written here: it is an objection only where policy says so.
 */
function employeeWishes(units: readonly Unit[], statements: ReadonlyMap<number, EmployeeStatement>) {
  const codeById = new Map(units.map((u) => [u.id, u.code]));
  const byKecamatan = new Map<string, string[]>();
  for (const unit of units) {
    const name = unit.kecamatan?.trim().toLowerCase();
    if (!name) continue;
    byKecamatan.set(name, [...(byKecamatan.get(name) ?? []), unit.code]);
  }
  return (employeeId: number): Pick<PlanEmployee, "volunteer" | "preferredUnits"> => {
    const statement = statements.get(employeeId);
    if (statement === undefined) return {};
    const preferred = new Set<string>();
    for (const preference of readPreferences(statement.preferences)) {
      const codes =
        preference.kind === "unit"
          ? [codeById.get(preference.unitId)].filter((code) => code !== undefined)
          : (byKecamatan.get(preference.name.trim().toLowerCase()) ?? []);
      for (const code of codes) preferred.add(code);
    }
    return {
      ...(statement.willing === true ? { volunteer: true } : {}),
      ...(preferred.size > 0 ? { preferredUnits: [...preferred].sort() } : {}),
    };
  };
}

/** A guru honorer in the plan: their JJM as capacity, immovable, under an id no NIP can take. */
function honorerEmployee(unitCode: Map<number, string>, roleCode: Map<number, string>) {
  return (h: Honorer): PlanEmployee => ({
    id: `HONORER-${h.id}`,
    name: h.name,
    unit: unitCode.get(h.unitId) ?? String(h.unitId),
    role: roleCode.get(h.roleId) ?? String(h.roleId),
    hours: h.hoursTaught,
    movable: false,
  });
}
