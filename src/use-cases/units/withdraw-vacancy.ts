import { z } from "zod";
import { writeAudit } from "../../db/audit.ts";
import type { DbTx } from "../../db/client.ts";
import { loadUnitHead } from "../../db/unit-head.ts";
import { DomainError } from "../../domain/errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";

export const WITHDRAWN_NOTE = "ditarik oleh kepala unit";

const inputSchema = z.object({
  userId: z.number().int().positive(),
  vacancyId: z.number().int().positive(),
  now: z.date(),
});

export type OpenVacancy = Prisma.VacancyGetPayload<{ include: { role: true } }>;

/** The head's own open vacancy, or the error that says why it cannot be withdrawn. */
export async function findWithdrawable(
  db: DbTx,
  raw: Omit<z.input<typeof inputSchema>, "now">,
): Promise<OpenVacancy> {
  const input = inputSchema.omit({ now: true }).parse(raw);
  const head = await loadUnitHead(db, input.userId);
  const vacancy = await db.vacancy.findUnique({ where: { id: input.vacancyId }, include: { role: true } });
  if (!vacancy) throw new DomainError("vacancy_unknown", { id: String(input.vacancyId) });
  if (vacancy.unitId !== head.unitId) throw new DomainError("vacancy_not_in_unit");
  if (vacancy.status !== "OPEN")
    throw new DomainError(`vacancy_not_open_${vacancy.status}`, { id: String(vacancy.id) });
  return vacancy;
}

/**
 * A head withdraws an open vacancy of their own unit: CANCELLED, closed now with the note
 * "ditarik oleh kepala unit", audited. The status is the guard, so a second press, or a press
 * after the post was filled, changes nothing and is told why.
 */
export async function withdrawVacancy(db: DbTx, raw: z.input<typeof inputSchema>): Promise<OpenVacancy> {
  const input = inputSchema.parse(raw);
  const vacancy = await findWithdrawable(db, input);
  const { count } = await db.vacancy.updateMany({
    where: { id: vacancy.id, unitId: vacancy.unitId, status: "OPEN" },
    data: { status: "CANCELLED", closedAt: input.now, closedNote: WITHDRAWN_NOTE },
  });
  // Filled or withdrawn between the read and the write: say what it is now.
  if (count === 0) await findWithdrawable(db, input);
  const head = await db.user.findUniqueOrThrow({ where: { id: input.userId } });
  await writeAudit(db, {
    actorId: head.id,
    actorName: head.name,
    action: "vacancy.withdraw",
    entity: "vacancy",
    entityId: vacancy.id,
    details: { role: vacancy.role.code, count: vacancy.count, reason: vacancy.reason, note: WITHDRAWN_NOTE },
  });
  return vacancy;
}
