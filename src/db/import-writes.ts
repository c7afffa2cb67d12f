// The import's reads and bulk writes: a handful of statements whatever the size of the file.
// Large batches travel as one JSON parameter, which PostgreSQL unpacks far faster than Prisma binds
// tens of thousands of parameters (and stays below the 65,535 bind-parameter limit).
import type { EmployeeTarget, StoredEmployee, StoredUnit, UnitTarget } from "../import/import-diff.ts";
import type { DbTx } from "./client.ts";

const CHUNK = 5_000;

export function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

export interface ImportState {
  agencyCodes: Set<string>;
  units: Map<string, StoredUnit & { id: number }>;
  roles: Map<string, { id: number; standardHours: number }>;
  employees: Map<string, StoredEmployee>;
}

/** What exists already: agencies, units and roles whole, employees by the NIPs the file names. */
export async function readImportState(db: DbTx, nips: string[]): Promise<ImportState> {
  const [agencies, units, roles] = await Promise.all([
    db.agency.findMany({ select: { id: true, code: true } }),
    db.unit.findMany({
      select: { id: true, code: true, name: true, kind: true, agencyId: true, lat: true, lon: true },
    }),
    db.role.findMany({ select: { id: true, code: true, standardHours: true } }),
  ]);
  const agencyCodeById = new Map(agencies.map((a) => [a.id, a.code]));
  const unitCodeById = new Map(units.map((u) => [u.id, u.code]));
  const roleCodeById = new Map(roles.map((r) => [r.id, r.code]));
  const employees = new Map<string, StoredEmployee>();
  // One JSON parameter instead of an IN list of thousands of bound values (slow to build and to plan).
  for (const batch of chunks(nips, 20_000)) {
    const found = await db.$queryRawUnsafe<
      Array<{
        nip: string;
        name: string;
        unitId: number;
        roleId: number;
        weeklyHours: number;
        birthDate: Date;
        postSince: Date;
      }>
    >(
      `SELECT "nip", "name", "unitId", "roleId", "weeklyHours", "birthDate", "postSince" FROM "Employee"
       WHERE "nip" IN (SELECT jsonb_array_elements_text($1::jsonb))`,
      JSON.stringify(batch),
    );
    for (const e of found) {
      employees.set(e.nip, {
        name: e.name,
        unitCode: unitCodeById.get(e.unitId) ?? "",
        roleCode: roleCodeById.get(e.roleId) ?? "",
        weeklyHours: e.weeklyHours,
        birthDate: e.birthDate,
        postSince: e.postSince,
      });
    }
  }
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
    roles: new Map(roles.map((r) => [r.code, { id: r.id, standardHours: r.standardHours }])),
    employees,
  };
}

export interface ImportWrites {
  newAgencies: Map<string, string>;
  newRoles: Map<string, string>;
  unitCreates: UnitTarget[];
  unitUpdates: UnitTarget[];
  employeeCreates: EmployeeTarget[];
  employeeUpdates: EmployeeTarget[];
}

/** Writes what the diff decided, inside the caller's transaction. */
export async function writeImport(
  db: DbTx,
  state: ImportState,
  writes: ImportWrites,
  now: Date,
): Promise<void> {
  const { newAgencies, newRoles, unitCreates, unitUpdates, employeeCreates, employeeUpdates } = writes;
  if (newAgencies.size > 0) {
    await db.agency.createMany({
      data: [...newAgencies].map(([code, name]) => ({ code, name })),
      skipDuplicates: true,
    });
  }
  if (newRoles.size > 0) {
    await db.role.createMany({
      data: [...newRoles].map(([code, name]) => ({ code, name })),
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

  const unitIdByCode = new Map(
    unitCreates.length > 0
      ? (await db.unit.findMany({ select: { id: true, code: true } })).map((u) => [u.code, u.id])
      : [...state.units].map(([code, u]) => [code, u.id]),
  );
  const roleIdByCode = new Map(
    newRoles.size > 0
      ? (await db.role.findMany({ select: { id: true, code: true } })).map((r) => [r.code, r.id])
      : [...state.roles].map(([code, r]) => [code, r.id]),
  );
  const asJsonRow = (e: EmployeeTarget) => ({
    nip: e.nip,
    name: e.name,
    unitId: unitIdByCode.get(e.unitCode) ?? 0,
    roleId: roleIdByCode.get(e.roleCode) ?? 0,
    weeklyHours: e.weeklyHours,
    birthDate: day(e.birthDate),
    postSince: day(e.postSince),
  });
  for (const batch of chunks(employeeCreates, 10_000)) {
    await db.$executeRawUnsafe(
      `INSERT INTO "Employee" ("nip", "name", "unitId", "roleId", "weeklyHours", "birthDate", "postSince", "updatedAt")
       SELECT v."nip", v."name", v."unitId", v."roleId", v."weeklyHours", v."birthDate", v."postSince", $2::timestamp(3)
       FROM jsonb_to_recordset($1::jsonb) AS v("nip" text, "name" text, "unitId" int, "roleId" int, "weeklyHours" float8, "birthDate" date, "postSince" date)`,
      JSON.stringify(batch.map(asJsonRow)),
      now.toISOString(),
    );
  }
  for (const batch of chunks(employeeUpdates, 10_000)) {
    await db.$executeRawUnsafe(
      `UPDATE "Employee" AS e SET "name" = v."name", "unitId" = v."unitId", "roleId" = v."roleId", "weeklyHours" = v."weeklyHours",
         "birthDate" = v."birthDate", "postSince" = v."postSince", "updatedAt" = $2::timestamp(3)
       FROM jsonb_to_recordset($1::jsonb) AS v("nip" text, "name" text, "unitId" int, "roleId" int, "weeklyHours" float8, "birthDate" date, "postSince" date)
       WHERE e."nip" = v."nip"`,
      JSON.stringify(batch.map(asJsonRow)),
      now.toISOString(),
    );
  }
}

/** Audit lines of one actor at one time, many at once. */
export async function insertAuditLines(
  db: DbTx,
  lines: Array<{ action: string; entity: string; entityId: string; details: unknown }>,
  at: Date,
  actor: { actorId: number | null; actorName: string },
): Promise<void> {
  for (const batch of chunks(lines, 10_000)) {
    await db.$executeRawUnsafe(
      `INSERT INTO "AuditLog" ("at", "actorId", "actorName", "action", "entity", "entityId", "details")
       SELECT $2::timestamp(3), $3::int, $4::text, v."action", v."entity", v."entityId", v."details"
       FROM jsonb_to_recordset($1::jsonb) AS v("action" text, "entity" text, "entityId" text, "details" jsonb)`,
      JSON.stringify(batch),
      at.toISOString(),
      actor.actorId,
      actor.actorName,
    );
  }
}
