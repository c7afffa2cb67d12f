import type { DbTx } from "../db/client.ts";
import { digestAt, loadDigest } from "../db/digest-query.ts";
import type { ProposalWithRelations } from "../db/proposal-query.ts";
import { cancelPendingEdits, enqueueEdit, PRIORITY, type EditView } from "../delivery/outbox.ts";
import type { Locale } from "../messages/locales/index.ts";
import { renderProposalCard } from "../messages/proposal-card.ts";
import { digestPageOf, renderDigest } from "../messages/proposal-digest.ts";

/**
 * How long a decision's edit waits for the handler to make it at once before the sender makes it:
 * the handler edits within a round trip; after a crash between the commit and that edit, the sender
 * shows the decision this long later (issue 25).
 */
export const DIRECT_EDIT_GRACE_MS = 15_000;

/** A decision's edit of the message showing its proposal, queued in the decision's transaction. */
export interface QueuedView {
  outboxId: number;
  chatId: bigint;
  messageId: number;
  view: EditView;
}

/**
 * After a decision (approve, reject, reviewed): the message that shows the proposal — its check's
 * digest at the page holding it, or a card of its own — is edited to show it, through the outbox, in
 * the caller's transaction. The group therefore sees every recorded decision, whatever Telegram
 * answers to the press or to the handler's own attempt. An older edit of the same message still
 * waiting is cancelled: each edit shows the whole message as it stands, so the newest one wins.
 */
export async function queueProposalView(
  tx: DbTx,
  input: {
    proposal: ProposalWithRelations;
    quorum: number;
    /** The message pressed (or the proposal's remembered card). */
    at: { chatId: number | bigint; messageId: number };
    locale: Locale;
    timeZone: string;
    now: Date;
  },
): Promise<QueuedView | null> {
  const { proposal } = input;
  const chatId = BigInt(input.at.chatId);
  const messageId = input.at.messageId;
  const view = await viewOf(tx, { ...input, chatId, messageId });
  const prefix = `view:${chatId}:${messageId}:`;
  await cancelPendingEdits(tx, prefix);
  const decided = `v${proposal.version}:d${proposal.decisions.length}:${input.now.getTime()}`;
  const dedupeKey = `${prefix}proposal:${proposal.id}:${decided}`;
  const queued = await enqueueEdit(tx, {
    dedupeKey,
    chatId,
    messageId,
    view: { text: view.text, reply_markup: view.reply_markup },
    priority: PRIORITY.interactive,
    notBefore: new Date(input.now.getTime() + DIRECT_EDIT_GRACE_MS),
  });
  if (!queued) return null;
  const { id } = await tx.outboxMessage.findUniqueOrThrow({ where: { dedupeKey }, select: { id: true } });
  return { outboxId: id, chatId, messageId, view: { text: view.text, reply_markup: view.reply_markup } };
}

async function viewOf(
  tx: DbTx,
  input: {
    proposal: ProposalWithRelations;
    quorum: number;
    chatId: bigint;
    messageId: number;
    locale: Locale;
    timeZone: string;
  },
): Promise<EditView> {
  const { proposal, locale, timeZone } = input;
  // Since issue 14 the proposals of a check are decided on its digest: that is shown at its page.
  const digestId = await digestAt(tx, { ...proposal, chatId: input.chatId, messageId: input.messageId });
  const digest = digestId === null ? null : await loadDigest(tx, digestId);
  if (digest) {
    const view = renderDigest(digest, digestPageOf(digest, proposal.id, locale, timeZone), locale, timeZone);
    await tx.proposalDigest.update({ where: { id: digest.id }, data: { page: view.page } });
    return view;
  }
  return renderProposalCard(proposal, locale, timeZone, { quorum: input.quorum });
}
