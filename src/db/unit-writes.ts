// The units part of an import's reads and writes (agencies and units).
import type { StoredUnit, StoredUnits, UnitTarget, UnitUpdate } from "../import/unit-diff.ts";
import type { DbTx } from "./client.ts";
import { chunks } from "./chunks.ts";

export interface UnitState extends StoredUnits {
  agencyCodes: Set<string>;
  units: Map<string, StoredUnit & { id: number }>;
  /** Every code that names a unit (its code, NPSN and UNOR ID, upper case) to the unit's code. */
  unitRefs: Map<string, string>;
}

export async function readUnitState(db: DbTx): Promise<UnitState> {
  const [agencies, units] = await Promise.all([
    db.agency.findMany({ select: { id: true, code: true } }),
    db.unit.findMany({
      select: {
        id: true,
        code: true,
        name: true,
        kind: true,
        agencyId: true,
        lat: true,
        lon: true,
        npsn: true,
        unorId: true,
        schoolStatus: true,
        kecamatanCode: true,
        kecamatan: true,
        desaCode: true,
        desa: true,
        rombel: true,
      },
    }),
  ]);
  const agencyCodeById = new Map(agencies.map((a) => [a.id, a.code]));
  const unitRefs = new Map<string, string>();
  // Project codes first: should another unit's NPSN be spelt like a code, the code wins.
  for (const u of units) unitRefs.set(u.code.toUpperCase(), u.code);
  for (const u of units) {
    for (const ref of [u.npsn, u.unorId]) {
      if (ref && !unitRefs.has(ref.toUpperCase())) unitRefs.set(ref.toUpperCase(), u.code);
    }
  }
  return {
    agencyCodes: new Set(agencies.map((a) => a.code)),
    units: new Map(
      units.map(({ agencyId, ...u }) => [u.code, { ...u, agencyCode: agencyCodeById.get(agencyId) ?? "" }]),
    ),
    unitRefs,
  };
}

export interface UnitWrites {
  newAgencies: Map<string, string>;
  unitCreates: UnitTarget[];
  unitUpdates: UnitUpdate[];
}

const COLUMNS = `"code" text, "storedCode" text, "name" text, "kind" text, "agencyId" int, "lat" float8, "lon" float8,
  "npsn" text, "unorId" text, "schoolStatus" text, "kecamatanCode" text, "kecamatan" text, "desaCode" text, "desa" text, "rombel" int`;

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
  const unitRow = ({ agencyCode, ...u }: UnitTarget) => ({
    ...u,
    agencyId: agencyIdByCode.get(agencyCode) ?? 0,
  });
  for (const batch of chunks(unitCreates)) await db.unit.createMany({ data: batch.map(unitRow) });
  for (const batch of chunks(unitUpdates)) {
    // By the code it has today: the update may give it its project code.
    await db.$executeRawUnsafe(
      `UPDATE "Unit" AS u SET "code" = v."code", "name" = v."name", "kind" = v."kind"::"UnitKind", "agencyId" = v."agencyId",
         "lat" = v."lat", "lon" = v."lon", "npsn" = v."npsn", "unorId" = v."unorId", "schoolStatus" = v."schoolStatus",
         "kecamatanCode" = v."kecamatanCode", "kecamatan" = v."kecamatan", "desaCode" = v."desaCode", "desa" = v."desa",
         "rombel" = v."rombel", "updatedAt" = $2::timestamp(3)
       FROM jsonb_to_recordset($1::jsonb) AS v(${COLUMNS})
       WHERE u."code" = v."storedCode"`,
      JSON.stringify(batch.map((u) => ({ ...unitRow(u), storedCode: u.storedCode }))),
      now.toISOString(),
    );
  }
}
