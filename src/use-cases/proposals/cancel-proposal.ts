import { z } from "zod";
import type { DbTx } from "../../db/client.ts";
import { DomainError } from "../../domain/errors.ts";
import { AWAITING_EFFECT_STATUSES } from "../../domain/proposal-lifecycle.ts";
import { formatDateTime } from "../../domain/time.ts";
import { writeAudit } from "../../db/audit.ts";
import { loadProposal, proposalAudience, type ProposalWithRelations } from "../../db/proposal-query.ts";
import { changeProposal } from "./show-proposal.ts";
import { enqueueMessage, PRIORITY } from "../../delivery/outbox.ts";
import { isLocale, translate, type Locale } from "../../messages/locales/index.ts";

/** A cancellation is recorded only with its reason, as a rejection is. */
export const cancelReasonSchema = z.string().trim().min(1).max(500);

export interface CancelInput {
  proposalId: number;
  /** Who cancels: an admin, an approver upholding a keberatan, or the operator at the CLI (id null). */
  actor: { id: number | null; name: string };
  reason: string;
  now: Date;
  timeZone: string;
  /** Language of the HR group's card. */
  locale: Locale;
  /** What led to it, kept in the audit (e.g. `{ responseId }` for an upheld keberatan). */
  details?: Record<string, string | number>;
  /** False when the caller tells the person in its own words (an upheld keberatan); heads are told still. */
  tellPerson?: boolean;
}

/**
 * An approved or decreed proposal is cancelled before it takes effect: the status changes under a
 * guard on status and version (a TMT job or a second cancellation at the same moment gives one
 * outcome), the card is edited, the cancellation audited, and the person (if joined) and both heads
 * are told through the outbox. A pending proposal is rejected instead; an effective one is a done move.
 */
export async function cancelProposal(db: DbTx, input: CancelInput): Promise<ProposalWithRelations> {
  const parsed = cancelReasonSchema.safeParse(input.reason);
  if (!parsed.success) throw new DomainError("cancel_reason_invalid");
  const reason = parsed.data;
  await db.$queryRaw`SELECT id FROM "Proposal" WHERE id = ${input.proposalId} FOR UPDATE`;
  const proposal = await loadProposal(db, input.proposalId);
  if (!proposal) throw new DomainError("proposal_unknown");
  assertCancellable(proposal, input.timeZone);

  const fresh = await changeProposal(
    db,
    proposal,
    { status: "CANCELLED", cancelledAt: input.now, cancelledById: input.actor.id, cancelReason: reason },
    input,
  );
  if (!fresh) throw new DomainError("already_handled");
  await writeAudit(db, {
    actorId: input.actor.id,
    actorName: input.actor.name,
    action: "proposal.cancel",
    entity: "proposal",
    entityId: proposal.id,
    details: {
      reason,
      was: proposal.status,
      nip: proposal.employee.nip,
      from: proposal.fromUnit.code,
      to: proposal.toUnit.code,
      ...(proposal.skNumber ? { skNumber: proposal.skNumber } : {}),
      ...input.details,
    },
  });
  await tellCancelled(db, fresh, reason, input.locale, input.tellPerson ?? true);
  return fresh;
}

function assertCancellable(proposal: ProposalWithRelations, timeZone: string): void {
  if ((AWAITING_EFFECT_STATUSES as readonly string[]).includes(proposal.status)) return;
  if (proposal.status === "PENDING") throw new DomainError("cancel_pending");
  if (proposal.status === "CANCELLED")
    throw new DomainError("proposal_already_cancelled", {
      at: proposal.cancelledAt ? formatDateTime(proposal.cancelledAt, timeZone) : "—",
    });
  if (proposal.status === "EFFECTIVE") throw new DomainError("cancel_effective");
  throw new DomainError("cancel_ended", { status: proposal.status });
}

/** The person (when joined) and the heads of both units hear that the move will not happen. */
async function tellCancelled(
  db: DbTx,
  proposal: ProposalWithRelations,
  reason: string,
  fallback: Locale,
  tellPerson: boolean,
): Promise<void> {
  const people = await proposalAudience(db, proposal);
  for (const user of people.filter((u) => tellPerson || u.role !== "EMPLOYEE")) {
    const locale = isLocale(user.locale) ? user.locale : fallback;
    const text = translate(locale, "decree.cancelled.notice", {
      id: proposal.id,
      name: proposal.employee.name,
      nip: proposal.employee.nip,
      from: proposal.fromUnit.name,
      to: proposal.toUnit.name,
      reason,
    });
    await enqueueMessage(db, {
      dedupeKey: `proposal:${proposal.id}:cancelled:${user.id}`,
      chatId: user.telegramId,
      method: "sendMessage",
      payload: { chat_id: user.telegramId.toString(), text },
      priority: PRIORITY.notice,
    });
  }
}
