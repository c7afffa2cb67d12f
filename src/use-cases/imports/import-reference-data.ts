import type { DbTx } from "../../db/client.ts";
import { readReferenceState, writeReference } from "../../db/reference-writes.ts";
import { mapReferenceTables } from "../../import/columns.ts";
import { diffReference, type ReferenceReport } from "../../import/reference-diff.ts";
import type { RawTable } from "../../import/raw-table.ts";

export type { ReferenceCounts, ReferenceReport } from "../../import/reference-diff.ts";

export interface ReferenceOptions {
  /** File name, for the audit trail. */
  source: string;
  actor: { id?: number | null; name: string };
  /** Work out and report everything, write nothing. */
  dryRun?: boolean;
}

/**
 * Upserts roles from a jabatan sheet (by code) and compatibility from a kesesuaian sheet (by pair):
 * parse → diff (import/reference-diff.ts) → write (db/reference-writes.ts), as employees are imported.
 * A bad row is listed with its reason and the rest imported; a kesesuaian row naming an unknown role
 * is such a row. Pairs not in the sheet stay (`compat remove` removes one). Returns null when the
 * file has no reference sheet. Running the same file again finds everything unchanged.
 */
export async function importReferenceData(
  db: DbTx,
  tables: RawTable[],
  options: ReferenceOptions,
): Promise<ReferenceReport | null> {
  const mapped = mapReferenceTables(tables);
  if (mapped.length === 0) return null;
  const diff = diffReference(mapped, await readReferenceState(db), options.dryRun ?? false);
  if (diff.report.dryRun) return diff.report;
  await writeReference(db, diff, options);
  return { ...diff.report, applied: true };
}
