import type { DbTx } from "../../db/client.ts";
import { DomainError } from "../../domain/errors.ts";
import { readPreferences, type Preference } from "../../domain/employee-statement.ts";
import type { Employee, EmployeeStatement, Role, Unit } from "../../generated/prisma/client.ts";

export interface MyRecord {
  employee: Employee & { unit: Unit; role: Role };
  statement: (EmployeeStatement & { preferenceList: Preference[] }) | null;
}

/**
 * The person's own record and what they said, found through their account only: an employee sees
 * nobody else's, and an account bound to no one gets the one refusal.
 */
export async function getMyRecord(db: DbTx, input: { userId: number }): Promise<MyRecord> {
  const user = await db.user.findUnique({
    where: { id: input.userId },
    include: { employee: { include: { unit: true, role: true, statement: true } } },
  });
  const employee = user?.employee;
  if (!employee) throw new DomainError("employee_only");
  const { statement, ...rest } = employee;
  return {
    employee: rest,
    statement: statement ? { ...statement, preferenceList: readPreferences(statement.preferences) } : null,
  };
}
