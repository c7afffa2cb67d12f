import type { DbTx } from "../../db/client.ts";
import { writeAudit } from "../../db/audit.ts";
import { DomainError } from "../../domain/errors.ts";

/**
 * An admin records (or clears) a moderate or heavy disciplinary penalty, or criminal proceedings,
 * lasting until a day: meanwhile the person is not placed in a private school (Permendikdasmen
 * 1/2025 Pasal 4). Audited; the note stays with the record.
 */
export async function setDiscipline(
  db: DbTx,
  input: { nip: string; until: Date | null; note?: string; actor: { userId: number | null; name: string } },
): Promise<{ nip: string; name: string; until: Date | null }> {
  const employee = await db.employee.findUnique({ where: { nip: input.nip } });
  if (!employee) throw new DomainError("leave_nip_unknown", { nip: input.nip });
  const note = input.until === null ? null : input.note?.trim() || null;
  await db.employee.update({
    where: { id: employee.id },
    data: { disciplineUntil: input.until, disciplineNote: note },
  });
  await writeAudit(db, {
    actorId: input.actor.userId,
    actorName: input.actor.name,
    action: "employee.discipline",
    entity: "employee",
    entityId: employee.nip,
    details: {
      before: employee.disciplineUntil?.toISOString().slice(0, 10) ?? null,
      after: input.until?.toISOString().slice(0, 10) ?? null,
      note,
    },
  });
  return { nip: employee.nip, name: employee.name, until: input.until };
}
