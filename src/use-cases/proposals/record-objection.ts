import { z } from "zod";
import type { DbTx } from "../../db/client.ts";
import { DomainError } from "../../domain/errors.ts";
import { writeAudit } from "../../db/audit.ts";
import { loadUnitHead } from "../../db/unit-head.ts";
import { proposalWithRelations } from "../../db/proposal-query.ts";
import { queueCardEdit } from "./show-proposal.ts";
import type { Locale } from "../../messages/locales/index.ts";

export const OBJECTION_REASON_MIN = 3;
export const OBJECTION_REASON_MAX = 200;

const inputSchema = z.object({
  userId: z.number().int().positive(),
  employeeId: z.number().int().positive(),
  reason: z.string().trim().min(OBJECTION_REASON_MIN).max(OBJECTION_REASON_MAX),
  now: z.date(),
});

/**
 * Records a staff member's objection to transfer; while it stands they are not proposed. A card
 * already posted about them is edited to show it (⚠️), and its approval waits for the team's review.
 */
export async function recordObjection(
  db: DbTx,
  raw: z.input<typeof inputSchema>,
  cards?: { locale: Locale; timeZone: string },
): Promise<{ name: string }> {
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
  if (cards) {
    const pending = await db.proposal.findMany({
      where: { employeeId: employee.id, status: "PENDING", cardMessageId: { not: null } },
      include: proposalWithRelations,
    });
    for (const proposal of pending) {
      await queueCardEdit(db, proposal, { ...cards, event: `objection:${input.now.getTime()}` });
    }
  }
  return { name: employee.name };
}
