import type { DbTx } from "../db/client.ts";
import { localDate, WIT } from "../domain/time.ts";
import { mapTables } from "../import/columns.ts";
import {
  parseRows,
  rejectInput,
  type EmployeeInput,
  type Rejected,
  type UnitInput,
  type UnitKindCode,
} from "../import/parse-rows.ts";
import type { RawTable } from "../import/read-file.ts";

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
}

export interface KindCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportReport {
  units: KindCounts;
  employees: KindCounts;
  agenciesCreated: string[];
  rolesCreated: string[];
  rejected: Rejected[];
  /** Header names seen in the file, for the rejects CSV. */
  headers: string[];
  /** Keys that would be or were created and updated, for the dry-run listing. */
  changes: Array<{ kind: "unit" | "employee"; key: string; action: "created" | "updated"; fields: string[] }>;
  dryRun: boolean;
  /** True when the changes were written. */
  applied: boolean;
}

interface UnitTarget {
  code: string;
  name: string;
  kind: UnitKindCode;
  agencyCode: string;
  lat: number | null;
  lon: number | null;
}

interface StoredEmployee {
  nip: string;
  name: string;
  unitId: number;
  roleId: number;
  weeklyHours: number;
  birthDate: Date;
  postSince: Date;
}

interface EmployeeTarget {
  nip: string;
  name: string;
  unitCode: string;
  roleCode: string;
  weeklyHours: number;
  birthDate: Date;
  postSince: Date;
}

// Below PostgreSQL's 65,535 bind parameters per statement with every column of a row bound.
const CHUNK = 5_000;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Upserts units (by code) and employees (by NIP) from a read file. The caller opens the one
 * transaction; this function reads what exists in a few big queries, decides created / updated /
 * unchanged per row, then writes with createMany and one bulk UPDATE per kind, so 50,000 rows
 * cost a handful of statements. Importing the same file again finds everything unchanged.
 */
export async function importData(
  db: DbTx,
  tables: RawTable[],
  options: ImportOptions,
): Promise<ImportReport> {
  const today = localDate(options.now, options.timeZone ?? WIT);
  const parsed = parseRows(mapTables(tables), today);
  const rejected = [...parsed.rejected];
  const report: ImportReport = {
    units: { created: 0, updated: 0, unchanged: 0 },
    employees: { created: 0, updated: 0, unchanged: 0 },
    agenciesCreated: [],
    rolesCreated: [],
    rejected,
    headers: parsed.headers,
    changes: [],
    dryRun: options.dryRun ?? false,
    applied: false,
  };

  const [agencies, units, roles] = await Promise.all([
    db.agency.findMany({ select: { id: true, code: true } }),
    db.unit.findMany({
      select: { id: true, code: true, name: true, kind: true, agencyId: true, lat: true, lon: true },
    }),
    db.role.findMany({ select: { id: true, code: true, standardHours: true } }),
  ]);
  const agencyCodeById = new Map(agencies.map((a) => [a.id, a.code]));
  const agencyCodes = new Set(agencies.map((a) => a.code));
  const unitByCode = new Map(units.map((u) => [u.code, u]));
  const unitCodeById = new Map(units.map((u) => [u.id, u.code]));
  const roleByCode = new Map(roles.map((r) => [r.code, r]));
  const roleCodeById = new Map(roles.map((r) => [r.id, r.code]));

  // Units.
  const newAgencies = new Map<string, string>();
  const unitCreates: UnitTarget[] = [];
  const unitUpdates: UnitTarget[] = [];
  for (const input of parsed.units) {
    const existing = unitByCode.get(input.code);
    const target = unitTarget(
      input,
      existing ? { ...existing, agencyCode: agencyCodeById.get(existing.agencyId) ?? "" } : null,
    );
    if ("reason" in target) {
      rejected.push(rejectInput(input, input.code, target.reason));
      continue;
    }
    if (!agencyCodes.has(target.agencyCode) && !newAgencies.has(target.agencyCode)) {
      // An agency named only by its code is created with the code as its name; an admin renames it later.
      newAgencies.set(target.agencyCode, input.agencyName ?? target.agencyCode);
    }
    if (!existing) {
      unitCreates.push(target);
      report.changes.push({ kind: "unit", key: target.code, action: "created", fields: [] });
      continue;
    }
    const fields = changedFields(
      {
        name: existing.name,
        kind: existing.kind,
        agency: agencyCodeById.get(existing.agencyId),
        lat: existing.lat,
        lon: existing.lon,
      },
      { name: target.name, kind: target.kind, agency: target.agencyCode, lat: target.lat, lon: target.lon },
    );
    if (fields.length === 0) report.units.unchanged += 1;
    else {
      unitUpdates.push(target);
      report.changes.push({ kind: "unit", key: target.code, action: "updated", fields });
    }
  }
  report.units.created = unitCreates.length;
  report.units.updated = unitUpdates.length;
  report.agenciesCreated = [...newAgencies.keys()];
  const fileUnitCodes = new Set([...unitCreates, ...unitUpdates].map((u) => u.code));

  // Employees.
  const existingEmployees = new Map<string, StoredEmployee>();
  // One JSON parameter instead of an IN list of thousands of bound values (slow to build and to plan).
  for (const batch of chunks(
    parsed.employees.map((e) => e.nip),
    20_000,
  )) {
    const found = await db.$queryRawUnsafe<StoredEmployee[]>(
      `SELECT "nip", "name", "unitId", "roleId", "weeklyHours", "birthDate", "postSince" FROM "Employee"
       WHERE "nip" IN (SELECT jsonb_array_elements_text($1::jsonb))`,
      JSON.stringify(batch),
    );
    for (const e of found) existingEmployees.set(e.nip, e);
  }
  const newRoles = new Map<string, string>();
  const employeeCreates: EmployeeTarget[] = [];
  const employeeUpdates: EmployeeTarget[] = [];
  for (const input of parsed.employees) {
    const stored = existingEmployees.get(input.nip);
    const existing = stored
      ? {
          ...stored,
          unitCode: unitCodeById.get(stored.unitId) ?? "",
          roleCode: roleCodeById.get(stored.roleId) ?? "",
        }
      : null;
    const target = employeeTarget(input, existing, {
      unitKnown: (code) => unitByCode.has(code) || fileUnitCodes.has(code),
      roleHours: (code) => roleByCode.get(code)?.standardHours ?? (newRoles.has(code) ? 37.5 : null),
      canCreateRole: parsed.hasRoleNames,
    });
    if ("reason" in target) {
      rejected.push(rejectInput(input, input.nip, target.reason));
      continue;
    }
    if (!roleByCode.has(target.roleCode) && !newRoles.has(target.roleCode))
      newRoles.set(target.roleCode, input.roleName ?? target.roleCode);
    if (!existing) {
      employeeCreates.push(target);
      report.changes.push({ kind: "employee", key: target.nip, action: "created", fields: [] });
      continue;
    }
    const fields = changedFields(
      {
        name: existing.name,
        unit: existing.unitCode,
        role: existing.roleCode,
        hours: existing.weeklyHours,
        birthDate: day(existing.birthDate),
        postSince: day(existing.postSince),
      },
      {
        name: target.name,
        unit: target.unitCode,
        role: target.roleCode,
        hours: target.weeklyHours,
        birthDate: day(target.birthDate),
        postSince: day(target.postSince),
      },
    );
    if (fields.length === 0) report.employees.unchanged += 1;
    else {
      employeeUpdates.push(target);
      report.changes.push({ kind: "employee", key: target.nip, action: "updated", fields });
    }
  }
  report.employees.created = employeeCreates.length;
  report.employees.updated = employeeUpdates.length;
  report.rolesCreated = [...newRoles.keys()];
  rejected.sort((a, b) => (a.sheet ?? "").localeCompare(b.sheet ?? "") || a.line - b.line);

  if (report.dryRun || (options.strict && rejected.length > 0)) return report;

  // Writes: a few statements whatever the size of the file.
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
      options.now.toISOString(),
    );
  }

  const unitIdByCode = new Map(
    unitCreates.length > 0
      ? (await db.unit.findMany({ select: { id: true, code: true } })).map((u) => [u.code, u.id])
      : units.map((u) => [u.code, u.id]),
  );
  const roleIdByCode = new Map(
    newRoles.size > 0
      ? (await db.role.findMany({ select: { id: true, code: true } })).map((r) => [r.code, r.id])
      : roles.map((r) => [r.code, r.id]),
  );
  const employeeRow = (e: EmployeeTarget) => ({
    nip: e.nip,
    name: e.name,
    unitId: unitIdByCode.get(e.unitCode) ?? 0,
    roleId: roleIdByCode.get(e.roleCode) ?? 0,
    weeklyHours: e.weeklyHours,
    birthDate: e.birthDate,
    postSince: e.postSince,
  });
  const asJsonRow = (e: EmployeeTarget) => ({
    ...employeeRow(e),
    birthDate: day(e.birthDate),
    postSince: day(e.postSince),
  });
  // One JSON parameter per batch: PostgreSQL unpacks it far faster than Prisma binds 40,000 parameters.
  for (const batch of chunks(employeeCreates, 10_000)) {
    await db.$executeRawUnsafe(
      `INSERT INTO "Employee" ("nip", "name", "unitId", "roleId", "weeklyHours", "birthDate", "postSince", "updatedAt")
       SELECT v."nip", v."name", v."unitId", v."roleId", v."weeklyHours", v."birthDate", v."postSince", $2::timestamp(3)
       FROM jsonb_to_recordset($1::jsonb) AS v("nip" text, "name" text, "unitId" int, "roleId" int, "weeklyHours" float8, "birthDate" date, "postSince" date)`,
      JSON.stringify(batch.map(asJsonRow)),
      options.now.toISOString(),
    );
  }
  for (const batch of chunks(employeeUpdates, 10_000)) {
    await db.$executeRawUnsafe(
      `UPDATE "Employee" AS e SET "name" = v."name", "unitId" = v."unitId", "roleId" = v."roleId", "weeklyHours" = v."weeklyHours",
         "birthDate" = v."birthDate", "postSince" = v."postSince", "updatedAt" = $2::timestamp(3)
       FROM jsonb_to_recordset($1::jsonb) AS v("nip" text, "name" text, "unitId" int, "roleId" int, "weeklyHours" float8, "birthDate" date, "postSince" date)
       WHERE e."nip" = v."nip"`,
      JSON.stringify(batch.map(asJsonRow)),
      options.now.toISOString(),
    );
  }

  await writeImportAudit(db, report, options);
  report.applied = true;
  return report;
}

/**
 * One line per updated unit or employee (what changed in a record that existed), and one line for
 * the file listing what it created: 50,000 per-row lines for a first import would say no more.
 */
async function writeImportAudit(db: DbTx, report: ImportReport, options: ImportOptions): Promise<void> {
  const actor = { actorId: options.actor.id ?? null, actorName: options.actor.name };
  const created = (kind: "unit" | "employee") =>
    report.changes.filter((c) => c.kind === kind && c.action === "created").map((c) => c.key);
  const lines = report.changes
    .filter((change) => change.action === "updated")
    .map((change) => ({
      action: "import.update",
      entity: change.kind,
      entityId: change.key,
      details: { source: options.source, fields: change.fields },
    }));
  for (const batch of chunks(lines, 10_000)) {
    await db.$executeRawUnsafe(
      `INSERT INTO "AuditLog" ("at", "actorId", "actorName", "action", "entity", "entityId", "details")
       SELECT $2::timestamp(3), $3::int, $4::text, v."action", v."entity", v."entityId", v."details"
       FROM jsonb_to_recordset($1::jsonb) AS v("action" text, "entity" text, "entityId" text, "details" jsonb)`,
      JSON.stringify(batch),
      options.now.toISOString(),
      actor.actorId,
      actor.actorName,
    );
  }
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
        agenciesCreated: report.agenciesCreated,
        rolesCreated: report.rolesCreated,
        rejected: report.rejected.length,
        createdUnits: created("unit"),
        createdEmployees: created("employee"),
      },
    },
  });
}

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(after).filter((key) => (before[key] ?? null) !== (after[key] ?? null));
}

type Reason = Rejected["reason"];

function unitTarget(
  input: UnitInput,
  existing: {
    name: string;
    kind: UnitKindCode;
    agencyCode: string;
    lat: number | null;
    lon: number | null;
  } | null,
): UnitTarget | { reason: Reason } {
  const name = input.name ?? existing?.name;
  if (!name) return { reason: { code: "name_missing" } };
  const agencyCode = input.agency ?? existing?.agencyCode;
  if (!agencyCode) return { reason: { code: "agency_missing" } };
  return {
    code: input.code,
    name,
    kind: input.kind ?? existing?.kind ?? "LAINNYA",
    agencyCode,
    lat: input.lat ?? existing?.lat ?? null,
    lon: input.lon ?? existing?.lon ?? null,
  };
}

function employeeTarget(
  input: EmployeeInput,
  existing: {
    name: string;
    unitCode: string;
    roleCode: string;
    weeklyHours: number;
    birthDate: Date;
    postSince: Date;
  } | null,
  refs: { unitKnown(code: string): boolean; roleHours(code: string): number | null; canCreateRole: boolean },
): EmployeeTarget | { reason: Reason } {
  const name = input.name ?? existing?.name;
  if (!name) return { reason: { code: "name_missing" } };
  const unitCode = input.unit ?? existing?.unitCode;
  if (!unitCode) return { reason: { code: "unit_missing" } };
  if (input.unit && !refs.unitKnown(input.unit))
    return { reason: { code: "unit_unknown", params: { code: input.unit } } };
  const roleCode = input.role ?? existing?.roleCode;
  if (!roleCode) return { reason: { code: "role_missing" } };
  let roleHours = refs.roleHours(roleCode);
  if (roleHours === null) {
    // A role code alone could be a typo; with a role name beside it the file defines the role.
    if (!refs.canCreateRole || !input.roleName)
      return { reason: { code: "role_unknown", params: { code: roleCode } } };
    roleHours = 37.5;
  }
  const postSince = input.postSince ?? existing?.postSince;
  if (!postSince) return { reason: { code: "post_missing" } };
  return {
    nip: input.nip,
    name,
    unitCode,
    roleCode,
    weeklyHours: input.hours ?? existing?.weeklyHours ?? roleHours,
    birthDate: input.birthDate ?? existing?.birthDate ?? input.nipBirthDate,
    postSince,
  };
}
