import { chunks } from "../../db/chunks.ts";
import type { DbTx } from "../../db/client.ts";
import { writeAudit } from "../../db/audit.ts";
import type { Rejected } from "../../import/cells.ts";
import type { RawTable } from "../../import/raw-table.ts";
import { parseSkpTable } from "../../import/skp-rows.ts";

export interface SkpReport {
  created: number;
  updated: number;
  unchanged: number;
  rejected: Rejected[];
}

/**
 * SKP predicates per person and year (issue 29: redistribution needs "Baik" or better in the last two
 * years), upserted by NIP and year. A NIP the district does not have is rejected, never created; a
 * second run of the same file changes nothing. A dry run counts and writes nothing.
 */
export async function importSkp(
  db: DbTx,
  tables: RawTable[],
  options: { now: Date; dryRun?: boolean; source: string; actor: { name: string; userId?: number | null } },
): Promise<SkpReport> {
  const report: SkpReport = { created: 0, updated: 0, unchanged: 0, rejected: [] };
  const rows = tables.flatMap((table) => {
    const parsed = parseSkpTable(table, options.now);
    report.rejected.push(...parsed.rejected);
    return parsed.rows;
  });
  // In batches: a province's SKP file names tens of thousands of people.
  const employees = new Map<
    string,
    { id: number; nip: string; skp: Array<{ year: number; predicate: string }> }
  >();
  for (const batch of chunks([...new Set(rows.map((r) => r.nip))]))
    for (const e of await db.employee.findMany({
      where: { nip: { in: batch } },
      select: { id: true, nip: true, skp: { select: { year: true, predicate: true } } },
    }))
      employees.set(e.nip, e);
  for (const row of rows) {
    const employee = employees.get(row.nip);
    if (!employee) {
      report.rejected.push({
        sheet: row.sheet,
        line: row.line,
        key: row.nip,
        reason: { code: "skp_employee_unknown" },
        values: { NIP: row.nip, Tahun: String(row.year), Predikat: row.predicate },
      });
      continue;
    }
    const stored = employee.skp.find((s) => s.year === row.year);
    if (stored?.predicate === row.predicate) {
      report.unchanged += 1;
      continue;
    }
    report[stored ? "updated" : "created"] += 1;
    if (options.dryRun) continue;
    await db.skpRecord.upsert({
      where: { employeeId_year: { employeeId: employee.id, year: row.year } },
      create: { employeeId: employee.id, year: row.year, predicate: row.predicate },
      update: { predicate: row.predicate },
    });
  }
  if (!options.dryRun && report.created + report.updated > 0)
    await writeAudit(db, {
      actorId: options.actor.userId ?? null,
      actorName: options.actor.name,
      action: "import.skp",
      entity: "file",
      entityId: options.source,
      details: { created: report.created, updated: report.updated, unchanged: report.unchanged },
    });
  return report;
}
