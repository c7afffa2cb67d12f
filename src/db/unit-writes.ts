// The units part of an import's reads and writes (agencies and units).
import type { StoredUnit, UnitTarget } from "../import/unit-diff.ts";
import type { DbTx } from "./client.ts";
import { chunks } from "./import-writes.ts";

export interface UnitState {
  agencyCodes: Set<string>;
  units: Map<string, StoredUnit & { id: number }>;
}

export async function readUnitState(db: DbTx): Promise<UnitState> {
  const [agencies, units] = await Promise.all([
    db.agency.findMany({ select: { id: true, code: true } }),
    db.unit.findMany({
      select: { id: true, code: true, name: true, kind: true, agencyId: true, lat: true, lon: true },
    }),
  ]);
  const agencyCodeById = new Map(agencies.map((a) => [a.id, a.code]));
  return {
    agencyCodes: new Set(agencies.map((a) => a.code)),
    units: new Map(
      units.map((u) => [
        u.code,
        {
          id: u.id,
          name: u.name,
          kind: u.kind,
          agencyCode: agencyCodeById.get(u.agencyId) ?? "",
          lat: u.lat,
          lon: u.lon,
        },
      ]),
    ),
  };
}

export interface UnitWrites {
  newAgencies: Map<string, string>;
  unitCreates: UnitTarget[];
  unitUpdates: UnitTarget[];
}

export async function writeUnits(db: DbTx, writes: UnitWrites, now: Date): Promise<void> {
  const { newAgencies, unitCreates, unitUpdates } = writes;
  if (newAgencies.size > 0) {
    await db.agency.createMany({
      data: [...newAgencies].map(([code, name]) => ({ code, name })),
      skipDuplicates: true,
    });
  }
  const agencyIdByCode = new Map(
    (await db.agency.findMany({ select: { id: true, code: true } })).map((a) => [a.code, a.id]),
  );
  const unitRow = (u: UnitTarget) => ({
    code: u.code,
    name: u.name,
    kind: u.kind,
    agencyId: agencyIdByCode.get(u.agencyCode) ?? 0,
    lat: u.lat,
    lon: u.lon,
  });
  for (const batch of chunks(unitCreates)) await db.unit.createMany({ data: batch.map(unitRow) });
  for (const batch of chunks(unitUpdates)) {
    await db.$executeRawUnsafe(
      `UPDATE "Unit" AS u SET "name" = v."name", "kind" = v."kind"::"UnitKind", "agencyId" = v."agencyId", "lat" = v."lat", "lon" = v."lon", "updatedAt" = $2::timestamp(3)
       FROM jsonb_to_recordset($1::jsonb) AS v("code" text, "name" text, "kind" text, "agencyId" int, "lat" float8, "lon" float8)
       WHERE u."code" = v."code"`,
      JSON.stringify(batch.map(unitRow)),
      now.toISOString(),
    );
  }
}
