import type { DbTx } from "../../db/client.ts";
import { hasDataTables, isSkpTable } from "../../import/columns.ts";
import type { RawTable } from "../../import/read-file.ts";
import { importData, type ImportOptions, type ImportReport } from "./import-data.ts";
import { importReferenceData, type ReferenceReport } from "./import-reference-data.ts";
import { importSkp, type SkpReport } from "./import-skp.ts";

/** What one file did: its jabatan / kesesuaian sheets and its units / employees sheets. */
export interface WorkbookReport {
  reference: ReferenceReport | null;
  data: ImportReport | null;
  /** SKP sheets (NIP, Tahun, Predikat), issue 29. */
  skp: SkpReport | null;
  /** Every rejected row of the file, reference sheets first, and every header, for the rejects CSV. */
  rejected: ImportReport["rejected"];
  headers: string[];
}

// Rolls the reference writes back after a dry or refused run; PGlite and PostgreSQL both have savepoints.
const SAVEPOINT = "seimbang_import_file";

/**
 * Imports a file sheet by sheet in the caller's transaction: roles and compatibility first, so that
 * employees of the same workbook may name roles its jabatan sheet defines; then units and
 * employees. A dry run (or a strict run with a bad row) writes the reference sheets inside a
 * savepoint and rolls them back, so what it reports is what a real run would do. Roles the
 * employee rows create are marked perlu ditinjau (needs review).
 */
export async function importWorkbook(
  db: DbTx,
  tables: RawTable[],
  options: ImportOptions,
): Promise<WorkbookReport> {
  const dryRun = options.dryRun ?? false;
  const undoable = dryRun || (options.strict ?? false);
  if (undoable) await db.$executeRawUnsafe(`SAVEPOINT ${SAVEPOINT}`);
  const reference = await importReferenceData(db, tables, {
    source: options.source,
    actor: options.actor,
  });
  const skpTables = tables.filter(isSkpTable);
  const data =
    (reference === null && skpTables.length === 0) || hasDataTables(tables)
      ? await importData(db, tables, options)
      : null;
  const skp =
    skpTables.length > 0
      ? await importSkp(db, skpTables, {
          now: options.now,
          dryRun,
          source: options.source,
          actor: options.actor,
        })
      : null;
  const rejected = [...(reference?.rejected ?? []), ...(data?.rejected ?? []), ...(skp?.rejected ?? [])];
  const refused = (options.strict ?? false) && rejected.length > 0;
  if (undoable && (dryRun || refused)) {
    await db.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
    if (reference) Object.assign(reference, { dryRun, applied: false });
    if (data) data.applied = false;
  } else {
    if (undoable) await db.$executeRawUnsafe(`RELEASE SAVEPOINT ${SAVEPOINT}`);
    if (data?.applied && data.rolesCreated.length > 0) {
      // The employee file guessed 37.5 h, BUP 58 and "not a teacher": an admin has to look at them.
      await db.role.updateMany({ where: { code: { in: data.rolesCreated } }, data: { needsReview: true } });
    }
  }
  const headers = [...(reference?.headers ?? [])];
  for (const header of data?.headers ?? []) if (!headers.includes(header)) headers.push(header);
  for (const table of skpTables)
    for (const header of table.headers) if (!headers.includes(header)) headers.push(header);
  return { reference, data, skp, rejected, headers };
}
