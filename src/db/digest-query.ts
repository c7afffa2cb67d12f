import type { DbTx } from "./client.ts";
import { rememberCardPlace } from "./card-place.ts";
import { proposalWithRelations } from "./proposal-query.ts";
import { quorumOf } from "./quorum.ts";
import { getMiniAppLink } from "./settings.ts";
import type { DigestForRender } from "../messages/proposal-digest.ts";

/** A check's digest in one HR group as it stands now, with where it is on screen. */
export interface StoredDigest extends DigestForRender {
  agencyId: number;
  chatId: bigint;
  messageId: number | null;
  page: number;
}

/** Re-reads the digest and every proposal of its run for its agency (decided ones stay, with their outcome). */
export async function loadDigest(db: DbTx, digestId: number): Promise<StoredDigest | null> {
  const digest = await db.proposalDigest.findUnique({ where: { id: digestId } });
  if (!digest) return null;
  const [agency, miniApp, proposals] = await Promise.all([
    db.agency.findUniqueOrThrow({ where: { id: digest.agencyId } }),
    getMiniAppLink(db),
    db.proposal.findMany({
      where: { runId: digest.runId, agencyId: digest.agencyId },
      include: proposalWithRelations,
      orderBy: { id: "asc" },
    }),
  ]);
  return {
    id: digest.id,
    runId: digest.runId,
    agencyId: digest.agencyId,
    chatId: digest.chatId,
    messageId: digest.messageId,
    page: digest.page,
    agency: { name: agency.name },
    quorum: await quorumOf(db, digest.agencyId),
    proposals,
    miniApp,
  };
}

/**
 * The digest whose message shows this proposal, when its card is a digest (since issue 14) rather
 * than a card of its own; null otherwise.
 */
export async function digestShowing(
  db: DbTx,
  proposal: {
    runId: number | null;
    agencyId: number;
    cardChatId: bigint | null;
    cardMessageId: number | null;
  },
): Promise<number | null> {
  if (proposal.runId === null || proposal.cardMessageId === null || proposal.cardChatId === null) return null;
  const digest = await db.proposalDigest.findFirst({
    where: {
      runId: proposal.runId,
      agencyId: proposal.agencyId,
      chatId: proposal.cardChatId,
      messageId: proposal.cardMessageId,
    },
    select: { id: true },
  });
  return digest?.id ?? null;
}

/**
 * The digest shown by this message for a proposal of its run, if that message is a digest. A
 * press can come before the sender has recorded the digest's message id: the pressed message is it.
 */
export async function digestAt(
  db: DbTx,
  at: { runId: number | null; agencyId: number; chatId: bigint; messageId: number },
): Promise<number | null> {
  if (at.runId === null) return null;
  const digest = await db.proposalDigest.findUnique({
    where: { runId_agencyId: { runId: at.runId, agencyId: at.agencyId } },
  });
  if (!digest || digest.chatId !== at.chatId) return null;
  if (digest.messageId === at.messageId) return digest.id;
  if (digest.messageId !== null) return null;
  await rememberCardPlace(db, {
    kind: "proposal-digest",
    refId: digest.id,
    chatId: at.chatId,
    messageId: at.messageId,
  });
  return digest.id;
}

/** The page of the digest on screen, for the edits that follow to show the same page. */
export async function rememberDigestPage(db: DbTx, digestId: number, page: number): Promise<void> {
  await db.proposalDigest.update({ where: { id: digestId }, data: { page } });
}
