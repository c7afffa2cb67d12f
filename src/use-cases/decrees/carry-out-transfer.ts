import type { DbTx } from "../../db/client.ts";
import { DomainError } from "../../domain/errors.ts";
import { formatDate } from "../../domain/time.ts";
import type { Transfer } from "../../generated/prisma/client.ts";
import { isLocale, translate, type Locale } from "../../messages/locales/index.ts";
import { enqueueMessage, PRIORITY } from "../../delivery/outbox.ts";
import { writeAudit } from "../../db/audit.ts";
import { proposalAudience, type ProposalWithRelations } from "../../db/proposal-query.ts";
import { closeVacancyPosts } from "../units/index.ts";

export interface CarryOutInput {
  proposal: ProposalWithRelations;
  /** Who carries it out: the daily job on the TMT ("system", id null). */
  actor: { id: number | null; name: string };
  /** The TMT of the SK: the day the person belongs to the new unit (also their postSince). */
  effectiveDate: Date;
  now: Date;
  timeZone: string;
  /** Language of the HR group's cards; heads get their own. */
  locale: Locale;
}

/**
 * The decreed move on its TMT, inside the daily job's transaction for this proposal: the employee
 * changes unit and role from the TMT, a transfer row records the move, one open post of the
 * destination's role closes (the person fills it), and the heads of both units and the person (when
 * joined) are told through the outbox. No other proposal of theirs can be open meanwhile: one in
 * flight per person is a database rule (Proposal_one_open_per_employee).
 */
export async function carryOutTransfer(db: DbTx, input: CarryOutInput): Promise<Transfer> {
  const { proposal, effectiveDate, now } = input;
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

  await closeVacancyPosts(db, {
    unitId: proposal.toUnitId,
    roleId: proposal.roleId,
    posts: 1,
    now,
    note: `diisi oleh mutasi ${proposal.employee.nip} (usulan ${proposal.id})`,
    actor: input.actor,
    details: { transferId: transfer.id, proposalId: proposal.id, nip: proposal.employee.nip },
  });
  await notifyPeople(db, input, transfer.id, formatDate(effectiveDate, "UTC"));

  await writeAudit(db, {
    actorId: input.actor.id,
    actorName: input.actor.name,
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

/** Both heads and the person (when joined) hear that the move has taken effect, with the SK it rests on. */
async function notifyPeople(db: DbTx, input: CarryOutInput, transferId: number, date: string): Promise<void> {
  const { proposal } = input;
  const people = await proposalAudience(db, proposal);
  for (const user of people) {
    const locale = isLocale(user.locale) ? user.locale : input.locale;
    const key =
      user.role === "EMPLOYEE"
        ? "decree.effective.person"
        : user.unitId === proposal.fromUnitId
          ? "decree.effective.head_out"
          : "decree.effective.head_in";
    const text = translate(locale, key, {
      name: proposal.employee.name,
      nip: proposal.employee.nip,
      from: proposal.fromUnit.name,
      to: proposal.toUnit.name,
      role: proposal.role.name,
      date,
      sk: proposal.skNumber ?? "—",
      reason: locale === "en" ? (proposal.reasonEn ?? proposal.reason) : proposal.reason,
    });
    await enqueueMessage(db, {
      dedupeKey: `transfer:${transferId}:${user.role === "EMPLOYEE" ? "person" : "head"}:${user.id}`,
      chatId: user.telegramId,
      method: "sendMessage",
      payload: { chat_id: user.telegramId.toString(), text },
      priority: PRIORITY.notice,
    });
  }
}
