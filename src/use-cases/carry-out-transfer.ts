import type { DbTx } from "../db/client.ts";
import { DomainError } from "../domain/errors.ts";
import { formatDate, localDate } from "../domain/time.ts";
import type { Transfer, User } from "../generated/prisma/client.ts";
import { isLocale, translate, type Locale } from "../messages/locales/index.ts";
import { enqueueMessage, PRIORITY } from "../delivery/outbox.ts";
import { writeAudit } from "../db/audit.ts";
import { proposalWithRelations, queueCardEdit, type ProposalWithRelations } from "../db/proposal-query.ts";
import { closeVacancyPosts } from "./close-filled-vacancies.ts";

export interface CarryOutInput {
  proposal: ProposalWithRelations;
  approver: Pick<User, "id" | "name">;
  now: Date;
  timeZone: string;
  /** Language of the HR group's cards; heads get their own. */
  locale: Locale;
}

/**
 * The approved move, inside the approval's transaction: the employee changes unit and role from
 * today (WIT), a transfer row is the draft line of the SK mutasi, other pending proposals for the
 * same person lapse, one open post of the destination's role closes (the person fills it), and the
 * heads of both units are told through the outbox.
 */
export async function carryOutTransfer(db: DbTx, input: CarryOutInput): Promise<Transfer> {
  const { proposal, now, timeZone } = input;
  const effectiveDate = localDate(now, timeZone);
  const employee = await db.employee.findUniqueOrThrow({ where: { id: proposal.employeeId } });

  // The guard is the where clause: if an import moved the person meanwhile, or they retired, the proposal no longer fits.
  const { count } = await db.employee.updateMany({
    where: {
      id: proposal.employeeId,
      unitId: proposal.fromUnitId,
      status: { notIn: ["PENSIUN", "NONAKTIF"] },
    },
    data: { unitId: proposal.toUnitId, roleId: proposal.roleId, postSince: effectiveDate },
  });
  if (count === 0 && (employee.status === "PENSIUN" || employee.status === "NONAKTIF"))
    throw new DomainError(`employee_left_${employee.status}`, { name: employee.name });
  if (count === 0) throw new DomainError("employee_moved", { unit: proposal.fromUnit.name });

  const transfer = await db.transfer.create({
    data: {
      proposalId: proposal.id,
      employeeId: proposal.employeeId,
      fromUnitId: proposal.fromUnitId,
      toUnitId: proposal.toUnitId,
      fromRoleId: employee.roleId,
      toRoleId: proposal.roleId,
      effectiveDate,
    },
  });

  await supersedeOthers(db, input);
  await closeVacancyPosts(db, {
    unitId: proposal.toUnitId,
    roleId: proposal.roleId,
    posts: 1,
    now,
    note: `diisi oleh mutasi ${proposal.employee.nip} (usulan ${proposal.id})`,
    actor: input.approver,
    details: { transferId: transfer.id, proposalId: proposal.id, nip: proposal.employee.nip },
  });
  await notifyHeads(db, input, transfer.id, formatDate(effectiveDate, "UTC"));

  await writeAudit(db, {
    actorId: input.approver.id,
    actorName: input.approver.name,
    action: "transfer.create",
    entity: "transfer",
    entityId: transfer.id,
    details: {
      proposalId: proposal.id,
      nip: proposal.employee.nip,
      from: proposal.fromUnit.code,
      to: proposal.toUnit.code,
      fromRoleId: employee.roleId,
      toRoleId: proposal.roleId,
      effectiveDate: effectiveDate.toISOString().slice(0, 10),
    },
  });
  return transfer;
}

async function supersedeOthers(db: DbTx, input: CarryOutInput): Promise<void> {
  const others = await db.proposal.findMany({
    where: { employeeId: input.proposal.employeeId, status: "PENDING", id: { not: input.proposal.id } },
  });
  for (const other of others) {
    const { count } = await db.proposal.updateMany({
      where: { id: other.id, status: "PENDING", version: other.version },
      data: { status: "SUPERSEDED", version: { increment: 1 }, decidedAt: input.now },
    });
    if (count === 0) continue;
    const fresh = await db.proposal.findUniqueOrThrow({
      where: { id: other.id },
      include: proposalWithRelations,
    });
    await queueCardEdit(db, fresh, { locale: input.locale, timeZone: input.timeZone });
    await writeAudit(db, {
      actorId: input.approver.id,
      actorName: input.approver.name,
      action: "proposal.supersede",
      entity: "proposal",
      entityId: other.id,
      details: { by: input.proposal.id },
    });
  }
}

async function notifyHeads(db: DbTx, input: CarryOutInput, transferId: number, date: string): Promise<void> {
  const { proposal } = input;
  const heads = await db.user.findMany({
    where: { role: "UNIT_HEAD", active: true, unitId: { in: [proposal.fromUnitId, proposal.toUnitId] } },
    orderBy: { id: "asc" },
  });
  for (const head of heads) {
    const locale = isLocale(head.locale) ? head.locale : input.locale;
    const key = head.unitId === proposal.fromUnitId ? "hr.notice.head_out" : "hr.notice.head_in";
    const text = translate(locale, key, {
      name: proposal.employee.name,
      nip: proposal.employee.nip,
      from: proposal.fromUnit.name,
      to: proposal.toUnit.name,
      role: proposal.role.name,
      date,
      reason: locale === "en" ? (proposal.reasonEn ?? proposal.reason) : proposal.reason,
    });
    await enqueueMessage(db, {
      dedupeKey: `transfer:${transferId}:head:${head.id}`,
      chatId: head.telegramId,
      method: "sendMessage",
      payload: { chat_id: head.telegramId.toString(), text, parse_mode: "HTML" },
      priority: PRIORITY.notice,
    });
  }
}
