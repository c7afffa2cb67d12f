import { z } from "zod";
import type { DbTx } from "../../db/client.ts";
import type { AlertRole, CheckShortfall } from "../../messages/balancing-alert.ts";
import { hoursUnitOf } from "../../messages/format.ts";

/** The why-not of the last check for one agency (issue 14), as the run stored it. */
export interface AgencyShortfalls {
  runId: number;
  maxDistanceKm: number | null;
  items: Array<{ shortfall: CheckShortfall; unitName: string; role: AlertRole | undefined }>;
  /** Names of the units a why-not names besides its own (the capped origins), by code. */
  unitNames: Map<string, string>;
}

const capUseSchema = z.object({
  windowMonths: z.number(),
  units: z.array(
    z.object({ unit: z.string(), effective: z.number(), committed: z.number(), proposed: z.number() }),
  ),
});

const shortfallsSchema = z.object({
  shortfalls: z
    .array(
      z.object({
        unit: z.string(),
        role: z.string(),
        needHours: z.number(),
        unmetHours: z.number(),
        reason: z.enum([
          "no_compatible_supply",
          "beyond_distance",
          "candidates_ineligible",
          "unit_intake_cap",
          "origin_cap",
          "total_cap",
          "supply_exhausted",
        ]),
        candidates: z.number().optional(),
        ineligible: z.record(z.string(), z.number()).optional(),
        origins: z.array(z.string()).optional(),
        originCount: z.number().optional(),
        capUse: capUseSchema.optional(),
      }),
    )
    .optional(),
  maxDistanceKm: z.number().nullable().optional(),
});

/**
 * The shortfalls of the latest posted check that still concern this agency's units, most unmet first;
 * null when no check has stored any (before the engine says why, or nothing is short).
 */
export async function getAgencyShortfalls(db: DbTx, agencyId: number): Promise<AgencyShortfalls | null> {
  const run = await db.balancingRun.findFirst({
    where: { moves: { not: null } },
    orderBy: { id: "desc" },
  });
  const parsed = shortfallsSchema.safeParse(run?.metrics ?? {});
  if (!run || !parsed.success || !parsed.data.shortfalls?.length) return null;
  const shortfalls = parsed.data.shortfalls;
  const [units, roles] = await Promise.all([
    // Each code once: a province's shortfalls name its 10,000 units several times over.
    db.unit.findMany({ where: { agencyId, code: { in: [...new Set(shortfalls.map((s) => s.unit))] } } }),
    db.role.findMany({ where: { code: { in: [...new Set(shortfalls.map((s) => s.role))] } } }),
  ]);
  const unitByCode = new Map(units.map((u) => [u.code, u]));
  const roleByCode = new Map(roles.map((r) => [r.code, { name: r.name, hoursUnit: hoursUnitOf(r) }]));
  const items = shortfalls
    .filter((s) => unitByCode.has(s.unit))
    .sort((a, b) => b.unmetHours - a.unmetHours)
    .map((s) => ({
      shortfall: s,
      unitName: unitByCode.get(s.unit)?.name ?? s.unit,
      role: roleByCode.get(s.role),
    }));
  if (items.length === 0) return null;
  const named = await db.unit.findMany({
    where: {
      code: { in: [...new Set(items.flatMap((i) => i.shortfall.capUse?.units.map((u) => u.unit) ?? []))] },
    },
    select: { code: true, name: true },
  });
  return {
    runId: run.id,
    maxDistanceKm: parsed.data.maxDistanceKm ?? null,
    items,
    unitNames: new Map(named.map((u) => [u.code, u.name])),
  };
}
