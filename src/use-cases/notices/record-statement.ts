import type { DbTx } from "../../db/client.ts";
import { writeAudit } from "../../db/audit.ts";
import { DomainError } from "../../domain/errors.ts";
import {
  preferencesSchema,
  statementNoteSchema,
  unwillingReasonSchema,
  type StatementChange,
} from "../../domain/employee-statement.ts";
import type { EmployeeStatement, Prisma } from "../../generated/prisma/client.ts";

/**
 * Records one answer of the person's own statement (/saya): willing, not willing with a reason and
 * a note, or the preferred destinations. Each answer replaces the earlier one of its kind and
 * leaves an audit line; saying "willing" clears an earlier reason and note.
 */
export async function recordStatement(
  db: DbTx,
  input: { userId: number; change: StatementChange; now: Date },
): Promise<EmployeeStatement> {
  const user = await db.user.findUnique({
    where: { id: input.userId },
    include: { employee: { include: { unit: true } } },
  });
  const employee = user?.employee;
  if (!user || !employee) throw new DomainError("employee_only");
  const data = await changeData(db, input.change, employee.unit.agencyId);
  const statement = await db.employeeStatement.upsert({
    where: { employeeId: employee.id },
    create: { employeeId: employee.id, ...data, updatedById: user.id },
    update: { ...data, updatedById: user.id },
  });
  await writeAudit(db, {
    actorId: user.id,
    actorName: user.name,
    action: `statement.${input.change.kind}`,
    entity: "employee",
    entityId: employee.id,
    details: { nip: employee.nip, ...(input.change as unknown as Prisma.InputJsonObject) },
  });
  return statement;
}

async function changeData(
  db: DbTx,
  change: StatementChange,
  agencyId: number,
): Promise<Omit<Prisma.EmployeeStatementUncheckedCreateInput, "employeeId">> {
  switch (change.kind) {
    case "willing":
      return { willing: true, reason: null, note: null };
    case "unwilling": {
      const reason = unwillingReasonSchema.parse(change.reason);
      const note = change.note === null ? null : statementNoteSchema.safeParse(change.note);
      if (note && !note.success) throw new DomainError("statement_note_invalid");
      return { willing: false, reason, note: note ? note.data : null };
    }
    case "preferences": {
      const preferences = preferencesSchema.parse(change.preferences);
      const unitIds = preferences.flatMap((p) => (p.kind === "unit" ? [p.unitId] : []));
      // Re-checked here: a destination must be a unit of the person's own agency.
      const known = await db.unit.count({ where: { id: { in: unitIds }, agencyId } });
      if (known !== new Set(unitIds).size) throw new DomainError("statement_destination_unknown");
      return { preferences: preferences as unknown as Prisma.InputJsonValue };
    }
  }
}
