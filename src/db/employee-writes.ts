// The employees part of an import's reads and writes (roles named by the file, employees, honorer).
import type { EmployeeTarget, StoredEmployee } from "../import/employee-diff.ts";
import type { RoleInfo } from "../import/employee-roles.ts";
import type { HonorerTarget, StoredHonorer } from "../import/honorer-diff.ts";
import type { DbTx } from "./client.ts";
import { chunks } from "./chunks.ts";

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

export interface EmployeeState {
  roles: Map<string, RoleInfo & { id: number }>;
  /** Every Dapodik label with its role's code. */
  roleLabels: Array<{ label: string; code: string }>;
  employees: Map<string, StoredEmployee>;
  honorers: Map<string, StoredHonorer>;
}

/**
 * Employee columns besides nip, unit and role, with their PostgreSQL types: one list for the read,
 * the insert and the update, so a new field cannot be written but not read back.
 */
const FIELDS: Array<[keyof EmployeeTarget, string]> = [
  ["name", "text"],
  ["weeklyHours", "float8"],
  ["hoursTaught", "float8"],
  ["birthDate", "date"],
  ["postSince", "date"],
  ["status", '"EmployeeStatus"'],
  ["legalStatus", "text"],
  ["asnKind", '"AsnKind"'],
  ["pnsId", "text"],
  ["nuptk", "text"],
  ["titleFront", "text"],
  ["titleBack", "text"],
  ["sex", "text"],
  ["golongan", "text"],
  ["tmtGolongan", "date"],
  ["jabatanName", "text"],
  ["jabatanKind", "text"],
  ["jenjang", "text"],
  ["educationLevel", "text"],
  ["education", "text"],
  ["certified", "boolean"],
  ["certifiedSubject", "text"],
  ["subject", "text"],
  ["unitSource", '"DataSource"'],
  ["roleSource", '"DataSource"'],
];
const quoted = (name: string) => `"${name}"`;
// jsonb_to_recordset cannot produce an enum; those travel as text and are cast on the way in.
const recordType = (type: string) => (type.startsWith('"') ? "text" : type);
const RECORD_COLUMNS = [
  `"nip" text, "unitId" int, "roleId" int`,
  ...FIELDS.map(([name, type]) => `${quoted(name)} ${recordType(type)}`),
].join(", ");
const value = ([name, type]: [string, string]) =>
  type.startsWith('"') ? `v.${quoted(name)}::${type}` : `v.${quoted(name)}`;

/** Roles whole, employees by the NIPs the file names, honorer whole. */
export async function readEmployeeState(db: DbTx, nips: string[]): Promise<EmployeeState> {
  const [units, roles, labels, honorers] = await Promise.all([
    db.unit.findMany({ select: { id: true, code: true } }),
    db.role.findMany({
      select: { id: true, code: true, name: true, standardHours: true, isTeacher: true, needsReview: true },
    }),
    db.roleDapodikLabel.findMany({ select: { label: true, roleId: true } }),
    db.honorer.findMany(),
  ]);
  const unitCodeById = new Map(units.map((u) => [u.id, u.code]));
  const roleCodeById = new Map(roles.map((r) => [r.id, r.code]));
  const employees = new Map<string, StoredEmployee>();
  // Each batch comes back as one JSON text (nulls left out) and one JSON.parse, far cheaper than the
  // driver converting 28 cells of 50,000 rows one by one; one JSON parameter carries the NIPs.
  const pairs = [`'nip', "nip"`, `'unitId', "unitId"`, `'roleId', "roleId"`]
    .concat(FIELDS.map(([name]) => `'${name}', ${quoted(name)}`))
    .join(", ");
  for (const batch of chunks(nips, 20_000)) {
    const [result] = await db.$queryRawUnsafe<Array<{ rows: string | null }>>(
      `SELECT json_agg(json_strip_nulls(json_build_object(${pairs})))::text AS "rows" FROM "Employee"
       WHERE "nip" IN (SELECT jsonb_array_elements_text($1::jsonb))`,
      JSON.stringify(batch),
    );
    const found = JSON.parse(result?.rows ?? "[]") as Array<Record<string, unknown>>;
    for (const row of found) {
      const employee: Record<string, unknown> = {
        unitCode: unitCodeById.get(row.unitId as number) ?? "",
        roleCode: roleCodeById.get(row.roleId as number) ?? "",
      };
      for (const [name, type] of FIELDS) {
        const value = row[name] ?? null;
        employee[name] = type === "date" && value !== null ? new Date(`${String(value)}T00:00:00Z`) : value;
      }
      employees.set(row.nip as string, employee as unknown as StoredEmployee);
    }
  }
  return {
    roles: new Map(roles.map((r) => [r.code, r])),
    roleLabels: labels.map((l) => ({ label: l.label, code: roleCodeById.get(l.roleId) ?? "" })),
    employees,
    honorers: new Map(
      honorers.map((h) => [
        h.key,
        {
          name: h.name,
          nuptk: h.nuptk,
          unitCode: unitCodeById.get(h.unitId) ?? "",
          roleCode: roleCodeById.get(h.roleId) ?? "",
          hoursTaught: h.hoursTaught,
          subject: h.subject,
          employment: h.employment,
        },
      ]),
    ),
  };
}

export interface EmployeeWrites {
  newRoles: Map<string, string>;
  employeeCreates: EmployeeTarget[];
  employeeUpdates: EmployeeTarget[];
  honorerCreates: HonorerTarget[];
  honorerUpdates: HonorerTarget[];
  /** Keys of honorer who left a school the file lists in full. */
  honorerRemoves: string[];
}

/** Writes roles the file names, its employees and its honorer; the units they name exist by now. */
export async function writeEmployees(
  db: DbTx,
  state: EmployeeState,
  writes: EmployeeWrites,
  now: Date,
): Promise<void> {
  const { newRoles, employeeCreates, employeeUpdates } = writes;
  if (newRoles.size > 0) {
    await db.role.createMany({
      data: [...newRoles].map(([code, name]) => ({ code, name })),
      skipDuplicates: true,
    });
  }
  const unitIdByCode = new Map(
    (await db.unit.findMany({ select: { id: true, code: true } })).map((u) => [u.code, u.id]),
  );
  const roleIdByCode = new Map(
    newRoles.size > 0
      ? (await db.role.findMany({ select: { id: true, code: true } })).map((r) => [r.code, r.id])
      : [...state.roles].map(([code, r]) => [code, r.id]),
  );
  const asJsonRow = (e: EmployeeTarget) => {
    const row: Record<string, unknown> = {
      nip: e.nip,
      unitId: unitIdByCode.get(e.unitCode) ?? 0,
      roleId: roleIdByCode.get(e.roleCode) ?? 0,
    };
    // A key left out is NULL to jsonb_to_recordset: most fields are empty for a plain file, and 50,000
    // rows of "…": null would double the JSON.
    for (const [name, type] of FIELDS) {
      const value = type === "date" ? day(e[name] as Date | null) : e[name];
      if (value !== null) row[name] = value;
    }
    return row;
  };
  const names = [`"nip"`, `"unitId"`, `"roleId"`, ...FIELDS.map(([name]) => quoted(name))];
  const values = [`v."nip"`, `v."unitId"`, `v."roleId"`, ...FIELDS.map(value)];
  for (const batch of chunks(employeeCreates, 10_000)) {
    await db.$executeRawUnsafe(
      `INSERT INTO "Employee" (${names.join(", ")}, "updatedAt")
       SELECT ${values.join(", ")}, $2::timestamp(3)
       FROM jsonb_to_recordset($1::jsonb) AS v(${RECORD_COLUMNS})`,
      JSON.stringify(batch.map(asJsonRow)),
      now.toISOString(),
    );
  }
  const sets = names.slice(1).map((name, i) => `${name} = ${values[i + 1]}`);
  for (const batch of chunks(employeeUpdates, 10_000)) {
    await db.$executeRawUnsafe(
      `UPDATE "Employee" AS e SET ${sets.join(", ")}, "updatedAt" = $2::timestamp(3)
       FROM jsonb_to_recordset($1::jsonb) AS v(${RECORD_COLUMNS})
       WHERE e."nip" = v."nip"`,
      JSON.stringify(batch.map(asJsonRow)),
      now.toISOString(),
    );
  }
  await writeHonorers(db, writes, unitIdByCode, roleIdByCode, now);
}

async function writeHonorers(
  db: DbTx,
  writes: EmployeeWrites,
  unitIdByCode: Map<string, number>,
  roleIdByCode: Map<string, number>,
  now: Date,
): Promise<void> {
  const row = (h: HonorerTarget) => ({
    key: h.key,
    name: h.name,
    nuptk: h.nuptk,
    unitId: unitIdByCode.get(h.unitCode) ?? 0,
    roleId: roleIdByCode.get(h.roleCode) ?? 0,
    hoursTaught: h.hoursTaught,
    subject: h.subject,
    employment: h.employment,
  });
  for (const batch of chunks(writes.honorerRemoves))
    await db.honorer.deleteMany({ where: { key: { in: batch } } });
  for (const batch of chunks(writes.honorerCreates)) await db.honorer.createMany({ data: batch.map(row) });
  for (const batch of chunks(writes.honorerUpdates)) {
    await db.$executeRawUnsafe(
      `UPDATE "Honorer" AS h SET "name" = v."name", "nuptk" = v."nuptk", "unitId" = v."unitId", "roleId" = v."roleId",
         "hoursTaught" = v."hoursTaught", "subject" = v."subject", "employment" = v."employment", "updatedAt" = $2::timestamp(3)
       FROM jsonb_to_recordset($1::jsonb) AS v("key" text, "name" text, "nuptk" text, "unitId" int, "roleId" int,
         "hoursTaught" float8, "subject" text, "employment" text)
       WHERE h."key" = v."key"`,
      JSON.stringify(batch.map(row)),
      now.toISOString(),
    );
  }
}
