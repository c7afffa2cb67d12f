import type { DbTx } from "../../db/client.ts";
import { digestAt, digestShowing, loadDigest, rememberDigestPage } from "../../db/digest-query.ts";
import { proposalWithRelations, type ProposalWithRelations } from "../../db/proposal-query.ts";
import type { Prisma, ProposalStatus } from "../../generated/prisma/client.ts";
import { cancelPendingEdits, enqueueEdit, PRIORITY, type EditView } from "../../delivery/outbox.ts";
import type { Locale } from "../../messages/locales/index.ts";
import { renderProposalCard } from "../../messages/proposal-card.ts";
import { digestPageOf, renderDigest } from "../../messages/proposal-digest.ts";

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
    /** How long the sender leaves it to the caller to make at once (0: nobody will, send it now). */
    graceMs?: number;
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
    notBefore: new Date(input.now.getTime() + (input.graceMs ?? DIRECT_EDIT_GRACE_MS)),
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
    await rememberDigestPage(tx, digest.id, view.page);
    return view;
  }
  return renderProposalCard(proposal, locale, timeZone, { quorum: input.quorum });
}

/**
 * Queues the card's edit to its final state (expired, superseded) when the card was posted; the
 * dedupe key makes a retried job or a second pass edit it once.
 */
export async function queueCardEdit(
  db: DbTx,
  proposal: ProposalWithRelations,
  options: { locale: Locale; timeZone: string; event?: string },
): Promise<boolean> {
  if (proposal.cardChatId === null || proposal.cardMessageId === null) return false;
  // What changed on the card: its final state by default, or an event such as a late objection.
  const event = options.event ?? proposal.status.toLowerCase();
  // A proposal shown in its check's digest: the digest is edited (issue 14), not overwritten by one card.
  const digestId = await digestShowing(db, proposal);
  if (digestId !== null) {
    return queueDigestEdit(db, digestId, {
      locale: options.locale,
      timeZone: options.timeZone,
      dedupeKey: `digest:${digestId}:proposal:${proposal.id}:${event}`,
    });
  }
  const card = renderProposalCard(proposal, options.locale, options.timeZone);
  return enqueueEdit(db, {
    dedupeKey: `proposal:${proposal.id}:card:${event}`,
    chatId: proposal.cardChatId,
    messageId: proposal.cardMessageId,
    view: card,
    priority: PRIORITY.notice,
  });
}

/**
 * A proposal's state change, guarded by the status and version it was read at (of two racing
 * changes exactly one lands): bumps the version, re-reads the proposal and queues its card's edit.
 * Null when it was no longer at that status and version, for the caller to say so.
 */
export async function changeProposal(
  db: DbTx,
  from: { id: number; status: ProposalStatus; version: number },
  data: Omit<Prisma.ProposalUpdateManyMutationInput, "version">,
  options: { locale: Locale; timeZone: string },
): Promise<ProposalWithRelations | null> {
  const { count } = await db.proposal.updateMany({
    where: { id: from.id, status: from.status, version: from.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) return null;
  const fresh = await db.proposal.findUniqueOrThrow({
    where: { id: from.id },
    include: proposalWithRelations,
  });
  await queueCardEdit(db, fresh, { locale: options.locale, timeZone: options.timeZone });
  return fresh;
}

/**
 * Queues the digest's edit, at the page on screen, after a change nobody pressed a button for (a
 * proposal expired or was superseded). The dedupe key names the change, so a retried job edits once.
 */
export async function queueDigestEdit(
  db: DbTx,
  digestId: number,
  options: { locale: Locale; timeZone: string; dedupeKey: string },
): Promise<boolean> {
  const digest = await loadDigest(db, digestId);
  if (!digest || digest.messageId === null) return false;
  const view = renderDigest(digest, digest.page, options.locale, options.timeZone);
  return enqueueEdit(db, {
    dedupeKey: options.dedupeKey,
    chatId: digest.chatId,
    messageId: digest.messageId,
    view,
    priority: PRIORITY.notice,
  });
}
