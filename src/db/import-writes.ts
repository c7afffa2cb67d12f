import { chunks } from "./chunks.ts";
// The import's reads and bulk writes: a handful of statements whatever the size of the file.
// Large batches travel as one JSON parameter, which PostgreSQL unpacks far faster than Prisma binds
// tens of thousands of parameters (and stays below the 65,535 bind-parameter limit).
import type { DbTx } from "./client.ts";
import {
  readEmployeeState,
  writeEmployees,
  type EmployeeState,
  type EmployeeWrites,
} from "./employee-writes.ts";
import { readUnitState, writeUnits, type UnitState, type UnitWrites } from "./unit-writes.ts";

export type ImportState = UnitState & EmployeeState;

/** What exists already: agencies, units and roles whole, employees by the NIPs the file names. */
export async function readImportState(db: DbTx, nips: string[]): Promise<ImportState> {
  const units = await readUnitState(db);
  return { ...units, ...(await readEmployeeState(db, nips)) };
}

export type ImportWrites = UnitWrites & EmployeeWrites;

/** Writes what the diff decided, inside the caller's transaction: units first, since employees name them. */
export async function writeImport(
  db: DbTx,
  state: ImportState,
  writes: ImportWrites,
  now: Date,
): Promise<void> {
  await writeUnits(db, writes, now);
  await writeEmployees(db, state, writes, now);
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
