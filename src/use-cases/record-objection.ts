import { z } from "zod";
import type { DbTx } from "../db/client.ts";
import { DomainError } from "../domain/errors.ts";
import { writeAudit } from "../db/audit.ts";
import { loadUnitHead } from "../db/unit-head.ts";

export const OBJECTION_REASON_MIN = 3;
export const OBJECTION_REASON_MAX = 200;

const inputSchema = z.object({
  userId: z.number().int().positive(),
  employeeId: z.number().int().positive(),
  reason: z.string().trim().min(OBJECTION_REASON_MIN).max(OBJECTION_REASON_MAX),
  now: z.date(),
});

/** Records a staff member's objection to transfer; while it stands they are not proposed. */
export async function recordObjection(db: DbTx, raw: z.input<typeof inputSchema>): Promise<{ name: string }> {
  const input = inputSchema.parse(raw);
  const head = await loadUnitHead(db, input.userId);
  const { count } = await db.employee.updateMany({
    where: { id: input.employeeId, unitId: head.unit.id },
    data: { objection: true, objectionReason: input.reason, objectionAt: input.now, objectionById: head.id },
  });
  if (count === 0) throw new DomainError("employee_not_in_unit");
  const employee = await db.employee.findUniqueOrThrow({ where: { id: input.employeeId } });
  await writeAudit(db, {
    actorId: head.id,
    actorName: head.name,
    action: "objection.record",
    entity: "employee",
    entityId: employee.id,
    details: { reason: input.reason },
  });
  return { name: employee.name };
}
