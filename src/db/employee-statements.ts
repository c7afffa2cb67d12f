import type { DbTx } from "./client.ts";
import type { EmployeeStatement } from "../generated/prisma/client.ts";
import type { DestinationUnit } from "../domain/employee-statement.ts";
import { chunks } from "./chunks.ts";
import { getSetting } from "./settings.ts";

/**
 * The statements of these employees, by employee id (people who said nothing are absent). A
 * province's 50,000 ids are asked for in batches: Prisma refuses a query with more than 32,766
 * parameters.
 */
export async function loadStatements(
  db: DbTx,
  employeeIds: number[],
): Promise<Map<number, EmployeeStatement>> {
  const statements = new Map<number, EmployeeStatement>();
  for (const batch of chunks(employeeIds, 10_000)) {
    const rows = await db.employeeStatement.findMany({ where: { employeeId: { in: batch } } });
    for (const row of rows) statements.set(row.employeeId, row);
  }
  return statements;
}

/** The units a typed destination may name: those of the person's agency. */
export async function loadDestinationUnits(db: DbTx, agencyId: number): Promise<DestinationUnit[]> {
  return db.unit.findMany({
    where: { agencyId },
    select: { id: true, code: true, name: true, npsn: true, unorId: true, kecamatan: true },
    orderBy: { code: "asc" },
  });
}

export const UNWILLING_POLICY_SETTING = "policy.unwillingCountsAsObjection";

/** Whether an employee's "tidak bersedia" keeps them out of proposals; default false (only a head's objection does). */
export async function getUnwillingCountsAsObjection(db: DbTx): Promise<boolean> {
  return (await getSetting<unknown>(db, UNWILLING_POLICY_SETTING)) === true;
}

/**
 * The people whose own "tidak bersedia" counts as an objection: none unless the policy
 * `policy.unwillingCountsAsObjection` is true (only a head's recorded objection does by default).
 */
export async function unwillingObjectors(db: DbTx): Promise<Set<number>> {
  if (!(await getUnwillingCountsAsObjection(db))) return new Set();
  const rows = await db.employeeStatement.findMany({
    where: { willing: false },
    select: { employeeId: true },
  });
  return new Set(rows.map((row) => row.employeeId));
}
