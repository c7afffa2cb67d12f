import type { DbTx } from "../../db/client.ts";
import { insertAuditLines, readImportState, writeImport } from "../../db/import-writes.ts";
import { localDate, WIT } from "../../domain/time.ts";
import { resolveUnitAreas, type AreaData } from "../../import/area-codes.ts";
import { mapTables } from "../../import/columns.ts";
import { diffEmployees } from "../../import/employee-diff.ts";
import { RoleIndex } from "../../import/employee-roles.ts";
import { diffHonorers } from "../../import/honorer-diff.ts";
import type { Change } from "../../import/import-diff.ts";
import { diffUnits } from "../../import/unit-diff.ts";
import { closeFilledVacancies } from "../units/index.ts";
import { parseRows, type ImportWarning, type Rejected } from "../../import/parse-rows.ts";
import type { RawTable } from "../../import/read-file.ts";

export interface ImportOptions {
  /** File name, for the audit trail. */
  source: string;
  actor: { id?: number | null; name: string };
  now: Date;
  timeZone?: string;
  /** Work out and report everything, write nothing. */
  dryRun?: boolean;
  /** Write nothing when any row is rejected. */
  strict?: boolean;
  /** Kemendagri's kecamatan and desa codes; idn-area-data's unless a test gives its own. */
  loadAreas?: () => Promise<AreaData>;
}

export interface KindCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportReport {
  units: KindCounts;
  employees: KindCounts;
  /**
   * Guru honorer from Dapodik: the schools' immovable teaching capacity, counted apart; `removed`
   * are those no longer on the roster of a school the file lists.
   */
  honorers: KindCounts & { removed: number };
  agenciesCreated: string[];
  rolesCreated: string[];
  rejected: Rejected[];
  /**
   * Rows imported with the stored unit kept because SIASN and Dapodik name different units
   * (reason "unit_conflict"); listed with the rejects so the operator can settle it.
   */
  unitConflicts: Rejected[];
  /** Rows imported with a kecamatan or desa that is not in Kemendagri's list (kept as written, without a code). */
  warnings: ImportWarning[];
  /** Header names seen in the file, for the rejects CSV. */
  headers: string[];
  /** Keys that would be or were created and updated, for the dry-run listing. */
  changes: Change[];
  dryRun: boolean;
  /** True when the changes were written. */
  applied: boolean;
}

/**
 * Upserts units (by code) and employees (by NIP) from a read file. The caller opens the one
 * transaction; what exists is read in a few big queries, each row is diffed against it (created /
 * updated / unchanged, or rejected with its reason), then written in bulk, so 50,000 rows cost a
 * handful of statements. Importing the same file again finds everything unchanged.
 */
export async function importData(
  db: DbTx,
  tables: RawTable[],
  options: ImportOptions,
): Promise<ImportReport> {
  const today = localDate(options.now, options.timeZone ?? WIT);
  const parsed = parseRows(mapTables(tables), today);
  const state = await readImportState(
    db,
    parsed.employees.map((e) => e.nip),
  );

  const warnings = await resolveUnitAreas(parsed.units, options.loadAreas);
  const units = diffUnits(parsed.units, state, (code) => state.agencyCodes.has(code));
  // Any code naming a unit (project code, NPSN, UNOR ID), the file's own units first.
  const resolveUnit = (ref: string) => units.refs.get(ref) ?? state.unitRefs.get(ref) ?? null;
  const roles = new RoleIndex(state.roles, state.roleLabels);
  const employees = diffEmployees(parsed.employees, state.employees, {
    resolveUnit,
    roles,
    canCreateRole: parsed.hasRoleNames,
  });
  const honorers = diffHonorers(
    parsed.honorers,
    state.honorers,
    { resolveUnit, roles },
    parsed.dapodikSchools,
  );
  const rejected = [...parsed.rejected, ...units.rejected, ...employees.rejected, ...honorers.rejected];
  rejected.sort(byPlace);
  const counts = (diff: { creates: unknown[]; updates: unknown[]; unchanged: number }): KindCounts => ({
    created: diff.creates.length,
    updated: diff.updates.length,
    unchanged: diff.unchanged,
  });
  const report: ImportReport = {
    units: counts(units),
    employees: counts(employees),
    honorers: { ...counts(honorers), removed: honorers.removes.length },
    agenciesCreated: [...units.newAgencies.keys()],
    rolesCreated: [...employees.newRoles.keys()],
    rejected,
    unitConflicts: employees.unitConflicts.sort(byPlace),
    warnings,
    headers: parsed.headers,
    changes: [...units.changes, ...employees.changes, ...honorers.changes],
    dryRun: options.dryRun ?? false,
    applied: false,
  };
  if (report.dryRun || (options.strict && rejected.length > 0)) return report;

  await writeImport(
    db,
    state,
    {
      newAgencies: units.newAgencies,
      newRoles: employees.newRoles,
      unitCreates: units.creates,
      unitUpdates: units.updates,
      employeeCreates: employees.creates,
      employeeUpdates: employees.updates,
      honorerCreates: honorers.creates,
      honorerUpdates: honorers.updates,
      honorerRemoves: honorers.removes,
    },
    options.now,
  );
  await writeImportAudit(db, report, options);
  await closeFilledVacancies(db, {
    before: state.employees,
    after: [...employees.creates, ...employees.updates],
    now: options.now,
    source: options.source,
    actor: options.actor,
  });
  report.applied = true;
  return report;
}

function byPlace(a: Rejected, b: Rejected): number {
  return (a.sheet ?? "").localeCompare(b.sheet ?? "") || a.line - b.line;
}

/**
 * One line per updated unit or employee (what changed in a record that existed), and one line for
 * the file listing what it created: 50,000 per-row lines for a first import would say no more.
 */
async function writeImportAudit(db: DbTx, report: ImportReport, options: ImportOptions): Promise<void> {
  const actor = { actorId: options.actor.id ?? null, actorName: options.actor.name };
  const created = (kind: "unit" | "employee" | "honorer") =>
    report.changes.filter((c) => c.kind === kind && c.action === "created").map((c) => c.key);
  const lines = report.changes
    .filter((change) => change.action !== "created")
    .map((change) => ({
      action: change.action === "updated" ? "import.update" : "import.remove",
      entity: change.kind,
      entityId: change.key,
      details: { source: options.source, fields: change.fields },
    }));
  await insertAuditLines(db, lines, options.now, actor);
  // Written directly (not writeAudit) so that it carries the same time as the per-row lines.
  await db.auditLog.create({
    data: {
      ...actor,
      at: options.now,
      action: "import.file",
      entity: "import",
      entityId: options.source,
      details: {
        units: { ...report.units },
        employees: { ...report.employees },
        honorers: { ...report.honorers },
        unitConflicts: report.unitConflicts.map((c) => c.key),
        agenciesCreated: report.agenciesCreated,
        rolesCreated: report.rolesCreated,
        rejected: report.rejected.length,
        warnings: report.warnings.length,
        createdUnits: created("unit"),
        createdEmployees: created("employee"),
      },
    },
  });
}
