// The employees part of an import's reads and writes (roles named by the file, employees).
import type { EmployeeTarget, StoredEmployee } from "../import/employee-diff.ts";
import type { DbTx } from "./client.ts";
import { chunks } from "./import-writes.ts";

const day = (date: Date) => date.toISOString().slice(0, 10);

export interface EmployeeState {
  roles: Map<string, { id: number; standardHours: number }>;
  employees: Map<string, StoredEmployee>;
}

/** Roles whole, employees by the NIPs the file names. */
export async function readEmployeeState(db: DbTx, nips: string[]): Promise<EmployeeState> {
  const [units, roles] = await Promise.all([
    db.unit.findMany({ select: { id: true, code: true } }),
    db.role.findMany({ select: { id: true, code: true, standardHours: true } }),
  ]);
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
    roles: new Map(roles.map((r) => [r.code, { id: r.id, standardHours: r.standardHours }])),
    employees,
  };
}

export interface EmployeeWrites {
  newRoles: Map<string, string>;
  employeeCreates: EmployeeTarget[];
  employeeUpdates: EmployeeTarget[];
}

/** Writes roles the file names and its employees; the units they name exist by now. */
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
