import type { Db, DbTx } from "../../db/client.ts";
import { writeAudit } from "../../db/audit.ts";
import { loadProposal } from "../../db/proposal-query.ts";
import { changeProposal, cancelProposal } from "../proposals/index.ts";
import { enqueueMessage, PRIORITY } from "../../delivery/outbox.ts";
import { DomainError } from "../../domain/errors.ts";
import { formatDate, localDate } from "../../domain/time.ts";
import { isTextKey, translate, type Locale } from "../../messages/locales/index.ts";
import { adminRecipients } from "../outbox-policy/index.ts";
import { carryOutTransfer } from "./carry-out-transfer.ts";

export interface TakeEffectInput {
  proposalId: number;
  now: Date;
  timeZone: string;
  /** Language of the HR group's cards and of admins without their own. */
  locale: Locale;
  /** Configured admins (ADMIN_TELEGRAM_IDS), told beside the ADMIN users when a move cannot happen. */
  adminIds?: readonly bigint[];
}

export type TakeEffectOutcome = "effective" | "cancelled" | "not_due";

const SYSTEM = { id: null, name: "system" };

/** Decreed proposals whose TMT has come (today in WIT or before), oldest TMT first. */
export async function decreesDue(db: DbTx, input: { now: Date; timeZone: string }): Promise<number[]> {
  const today = localDate(input.now, input.timeZone);
  const due = await db.proposal.findMany({
    where: { status: "DECREED", tmt: { lte: today } },
    orderBy: [{ tmt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  return due.map((p) => p.id);
}

/**
 * One decreed proposal on its TMT: the move is carried out (unit, role and postSince from the TMT,
 * the heads and the person told) and the proposal becomes EFFECTIVE, under a row lock and a guard
 * on status and version, so a second run or a cancellation at the same moment gives one outcome. If
 * the person left or was moved meanwhile the proposal is cancelled with that reason instead, and
 * the admins are told. Anything not DECREED with its TMT come is left alone.
 */
export async function takeDecreeEffect(db: DbTx, input: TakeEffectInput): Promise<TakeEffectOutcome> {
  await db.$queryRaw`SELECT id FROM "Proposal" WHERE id = ${input.proposalId} FOR UPDATE`;
  const proposal = await loadProposal(db, input.proposalId);
  const today = localDate(input.now, input.timeZone);
  if (!proposal || proposal.status !== "DECREED" || !proposal.tmt || proposal.tmt > today) return "not_due";

  let transferId: number;
  try {
    const transfer = await carryOutTransfer(db, {
      proposal,
      actor: SYSTEM,
      effectiveDate: proposal.tmt,
      now: input.now,
      timeZone: input.timeZone,
      locale: input.locale,
    });
    transferId = transfer.id;
  } catch (error) {
    // carryOutTransfer refuses before it writes anything: the person retired, left or was moved.
    if (!(error instanceof DomainError)) throw error;
    await cancelUndoable(db, input, proposal.id, error);
    return "cancelled";
  }

  const fresh = await changeProposal(db, proposal, { status: "EFFECTIVE", effectiveAt: input.now }, input);
  if (!fresh) throw new DomainError("already_handled");
  await writeAudit(db, {
    actorId: null,
    actorName: SYSTEM.name,
    action: "proposal.effective",
    entity: "proposal",
    entityId: proposal.id,
    details: {
      transferId,
      skNumber: proposal.skNumber ?? "",
      tmt: proposal.tmt.toISOString().slice(0, 10),
      nip: proposal.employee.nip,
      from: proposal.fromUnit.code,
      to: proposal.toUnit.code,
    },
  });
  return "effective";
}

async function cancelUndoable(
  db: DbTx,
  input: TakeEffectInput,
  proposalId: number,
  error: DomainError,
): Promise<void> {
  const key = `errors.${error.code}`;
  const problem = (locale: Locale) =>
    isTextKey(key) ? translate(locale, key, error.params).replace(/<[^>]+>/g, "") : error.code;
  const proposal = await loadProposal(db, proposalId);
  if (!proposal?.tmt) return;
  const tmt = formatDate(proposal.tmt, "UTC");
  const cancelled = await cancelProposal(db, {
    proposalId,
    actor: SYSTEM,
    reason: translate(input.locale, "decree.effective.cancelled_reason", {
      tmt,
      problem: problem(input.locale),
    }),
    now: input.now,
    timeZone: input.timeZone,
    locale: input.locale,
    details: { cause: error.code, tmt: proposal.tmt.toISOString().slice(0, 10) },
  });
  const admins = await adminRecipients(db, {
    ADMIN_TELEGRAM_IDS: [...(input.adminIds ?? [])],
    DEFAULT_LOCALE: input.locale,
  });
  for (const [chatId, locale] of admins) {
    await enqueueMessage(db, {
      dedupeKey: `proposal:${proposalId}:tmt-cancelled:admin:${chatId}`,
      chatId,
      method: "sendMessage",
      payload: {
        chat_id: chatId.toString(),
        text: translate(locale, "decree.effective.admin_cancelled", {
          id: proposalId,
          name: cancelled.employee.name,
          sk: cancelled.skNumber ?? "—",
          tmt,
          problem: problem(locale),
        }),
      },
      priority: PRIORITY.notice,
    });
  }
}

/** The daily step: every decree whose TMT has come, one transaction each (one failure stops no other). */
export async function takeDecreesEffect(
  db: Db,
  input: Omit<TakeEffectInput, "proposalId">,
): Promise<{ effective: number; cancelled: number }> {
  const run = { effective: 0, cancelled: 0 };
  for (const proposalId of await decreesDue(db, input)) {
    const outcome = await db.$transaction((tx) => takeDecreeEffect(tx, { ...input, proposalId }));
    if (outcome === "effective") run.effective += 1;
    if (outcome === "cancelled") run.cancelled += 1;
  }
  return run;
}
