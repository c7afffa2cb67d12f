import { z } from "zod";
import type { DbTx } from "../../db/client.ts";
import { enqueueMessage, PRIORITY } from "../../delivery/outbox.ts";
import { DomainError } from "../../domain/errors.ts";
import { localDate } from "../../domain/time.ts";
import type { Vacancy, VacancyReason } from "../../generated/prisma/client.ts";
import { writeAudit } from "../../db/audit.ts";
import { allowedRoleIds, listUnitRoles } from "./list-unit-roles.ts";
import type { VacancyNotice } from "../../messages/vacancy-text.ts";

export const VACANCY_REASONS = [
  "PENSIUN",
  "MUTASI_KELUAR",
  "MENINGGAL",
  "TUGAS_BELAJAR",
  "LAINNYA",
] as const satisfies readonly VacancyReason[];
export const VACANCY_MAX_COUNT = 50;
export const VACANCY_REASON_TEXT_MAX = 200;

const inputSchema = z
  .object({
    userId: z.number().int().positive(),
    roleId: z.number().int().positive(),
    count: z.number().int().min(1).max(VACANCY_MAX_COUNT),
    reason: z.enum(VACANCY_REASONS),
    reasonText: z.string().trim().min(1).max(VACANCY_REASON_TEXT_MAX).nullable(),
    since: z.date(),
    now: z.date(),
    timeZone: z.string(),
  })
  .refine((v) => (v.reason === "LAINNYA") === (v.reasonText !== null), {
    message: "reasonText goes with LAINNYA only",
  });

export type ReportVacancyInput = z.input<typeof inputSchema>;

export type { VacancyNotice } from "../../messages/vacancy-text.ts";

/**
 * Saves a head's vacancy for their own unit and, in the same transaction, queues the notice to
 * the agency's HR group (sent once, by the outbox, only if the vacancy commits).
 */
export async function reportVacancy(
  db: DbTx,
  raw: ReportVacancyInput & { formatNotice: (notice: VacancyNotice) => string },
): Promise<{ vacancy: Vacancy; notified: boolean }> {
  const input = inputSchema.parse(raw);
  const roles = await listUnitRoles(db, { userId: input.userId });
  if (!allowedRoleIds(roles).has(input.roleId)) throw new DomainError("role_not_in_unit");
  if (input.since.getTime() > localDate(input.now, input.timeZone).getTime())
    throw new DomainError("vacancy_since_future");

  const head = await db.user.findUniqueOrThrow({ where: { id: input.userId }, include: { unit: true } });
  const unit = head.unit!;
  const vacancy = await db.vacancy.create({
    data: {
      unitId: unit.id,
      roleId: input.roleId,
      count: input.count,
      reason: input.reason,
      reasonText: input.reasonText,
      since: input.since,
      reporterId: head.id,
    },
    include: { role: true },
  });
  await writeAudit(db, {
    actorId: head.id,
    actorName: head.name,
    action: "vacancy.report",
    entity: "vacancy",
    entityId: vacancy.id,
    details: { unit: unit.code, role: vacancy.role.code, count: input.count, reason: input.reason },
  });

  const notified = await queueVacancyNotice(
    db,
    unit.agencyId,
    {
      vacancyId: vacancy.id,
      unitName: unit.name,
      roleName: vacancy.role.name,
      count: vacancy.count,
      reason: vacancy.reason,
      reasonText: vacancy.reasonText,
      since: vacancy.since,
      reporterName: head.name,
    },
    raw.formatNotice,
  );
  return { vacancy, notified };
}

/**
 * The agency's HR group hears of a new vacancy, whoever opened it (a head, the retirement job); the
 * dedupe key is the vacancy, so it is one notice however often this runs. False without a group.
 */
export async function queueVacancyNotice(
  db: DbTx,
  agencyId: number,
  notice: VacancyNotice,
  format: (notice: VacancyNotice) => string,
): Promise<boolean> {
  const group = await db.hrGroup.findFirst({ where: { agencyId, active: true } });
  if (!group) return false;
  return enqueueMessage(db, {
    dedupeKey: `vacancy:${notice.vacancyId}`,
    chatId: group.chatId,
    method: "sendMessage",
    payload: { chat_id: Number(group.chatId), text: format(notice) },
    priority: PRIORITY.notice,
    kind: "vacancy-notice",
    refId: notice.vacancyId,
  });
}
