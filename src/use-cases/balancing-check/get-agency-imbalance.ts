import { isPrivateSchool } from "../../domain/redistribution.ts";
import type { DbTx } from "../../db/client.ts";
import type { Actor } from "../../domain/actor.ts";
import { DomainError } from "../../domain/errors.ts";
import { totalsByKecamatan, type KecamatanTotals } from "../../domain/kecamatan.ts";
import { DEFAULT_BANDS, roleLoad, type RoleLoad } from "../../domain/workload.ts";
import { hoursTotals, roleHoursKind, type HoursTotals } from "../../domain/hours.ts";
import type { Agency } from "../../generated/prisma/client.ts";
import { certifiedUnderStandard, readDistrict } from "../../db/read-district.ts";
import { rowsByUnit } from "../../domain/district.ts";

export interface UnitImbalance extends RoleLoad {
  unitId: number;
  unitName: string;
  /** Demand, capacity and unmet hours with JP and jam apart (issue 25). */
  hours: HoursTotals;
}

export interface AgencyImbalance {
  agency: Agency;
  period: string;
  units: number;
  /** Demand above capacity (ratio > 1), worst first. */
  overloaded: UnitImbalance[];
  /** Below band B (ratio < 0.90), emptiest first. */
  underloaded: UnitImbalance[];
  /** Every kecamatan of the agency's units, unknown last. */
  kecamatan: KecamatanTotals[];
  /** Certified teachers teaching under the standard load (the professional allowance needs 24 JP). */
  certifiedUnderStandard: number;
}

/**
 * An HR approver's view of their own agency. Asked in a group (`inGroupOf`: the agency whose HR group
 * it is, null for none), the group must be that agency's; anyone else gets the same refusal.
 */
export async function getAgencyImbalance(
  db: DbTx,
  input: { actor: Actor; inGroupOf?: number | null; now: Date; timeZone: string; limit?: number },
): Promise<AgencyImbalance> {
  const approver =
    input.actor.userId === null
      ? null
      : await db.user.findFirst({
          where: { id: input.actor.userId, role: "HR_APPROVER", agencyId: { not: null } },
          include: { agency: true },
        });
  if (!approver?.agency) throw new DomainError("approver_only");
  if (input.inGroupOf !== undefined && input.inGroupOf !== approver.agency.id)
    throw new DomainError("approver_only");
  const district = await readDistrict(db, {
    now: input.now,
    timeZone: input.timeZone,
    agencyId: approver.agency.id,
  });
  const totals = new Map<number, { demand: number; capacity: number; unmet: number }>();
  for (const load of district.loads) {
    const entry = totals.get(load.unitId) ?? { demand: 0, capacity: 0, unmet: 0 };
    entry.unmet += load.unmet;
    entry.demand += load.demand;
    entry.capacity += load.capacity;
    totals.set(load.unitId, entry);
  }
  // A private school is named so (issue 29): ASN teachers reach it only by redistribution.
  const unitName = new Map(
    district.units.map((u) => [u.id, isPrivateSchool(u) ? `${u.name} (swasta)` : u.name]),
  );
  const kinds = new Map(district.roles.map((r) => [r.id, roleHoursKind(r)]));
  const loadsOf = rowsByUnit(district.loads);
  const hoursOf = (unitId: number) =>
    hoursTotals(loadsOf(unitId).map((l) => ({ ...l, kind: kinds.get(l.roleId) ?? ("jam" as const) })));
  const all: UnitImbalance[] = [...totals].map(([unitId, t]) => ({
    unitId,
    unitName: unitName.get(unitId) ?? "",
    hours: hoursOf(unitId),
    ...roleLoad(t.demand, t.capacity),
  }));
  const certified = certifiedUnderStandard(district);
  const certifiedAt = rowsByUnit(certified);
  const kecamatan = totalsByKecamatan(
    district.units.map((u) => ({
      code: u.code,
      kecamatan: u.kecamatan,
      kecamatanCode: u.kecamatanCode,
      demand: totals.get(u.id)?.demand ?? 0,
      capacity: totals.get(u.id)?.capacity ?? 0,
      unmet: totals.get(u.id)?.unmet ?? 0,
      hours: hoursOf(u.id),
      certifiedUnderStandard: certifiedAt(u.id).length,
    })),
  );
  const limit = input.limit ?? 5;
  return {
    agency: approver.agency,
    period: district.period,
    units: district.units.length,
    overloaded: all
      .filter((u) => u.ratio > DEFAULT_BANDS.A)
      .sort((a, b) => b.ratio - a.ratio || b.unmet - a.unmet)
      .slice(0, limit),
    underloaded: all
      .filter((u) => u.ratio < DEFAULT_BANDS.B)
      .sort((a, b) => a.ratio - b.ratio || b.surplus - a.surplus)
      .slice(0, limit),
    kecamatan,
    certifiedUnderStandard: certified.length,
  };
}
