import { z } from "zod";
import type { DbTx } from "../../db/client.ts";
import { DomainError } from "../../domain/errors.ts";
import { writeAudit } from "../../db/audit.ts";
import { loadUnitHead } from "../../db/unit-head.ts";

const inputSchema = z.object({
  userId: z.number().int().positive(),
  employeeId: z.number().int().positive(),
});

/** Withdraws a recorded objection; the person can be proposed again. */
export async function withdrawObjection(
  db: DbTx,
  raw: z.input<typeof inputSchema>,
): Promise<{ name: string }> {
  const input = inputSchema.parse(raw);
  const head = await loadUnitHead(db, input.userId);
  const employee = await db.employee.findFirst({ where: { id: input.employeeId, unitId: head.unit.id } });
  if (!employee) throw new DomainError("employee_not_in_unit");
  const { count } = await db.employee.updateMany({
    where: { id: employee.id, unitId: head.unit.id, objection: true },
    data: { objection: false, objectionReason: null, objectionAt: null, objectionById: null },
  });
  if (count === 0) throw new DomainError("objection_none", { name: employee.name });
  await writeAudit(db, {
    actorId: head.id,
    actorName: head.name,
    action: "objection.withdraw",
    entity: "employee",
    entityId: employee.id,
    details: { previousReason: employee.objectionReason },
  });
  return { name: employee.name };
}
