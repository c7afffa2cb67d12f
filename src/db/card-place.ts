import type { DbTx } from "./client.ts";

/** Messages whose place in a chat is remembered: a proposal's card, a check's digest, a response card. */
export type ShownKind = "proposal-card" | "proposal-digest" | "response-card";

export function isShownKind(kind: string | null): kind is ShownKind {
  return kind === "proposal-card" || kind === "proposal-digest" || kind === "response-card";
}

/**
 * Remembers where a card sits (issue 26: the one place that writes it), so that a decision edits it in
 * place and /usulan links to it: when the sender has sent it, or when a press shows it before the sender
 * recorded it. A digest is every proposal's card of its run. A row that is gone is skipped.
 */
export async function rememberCardPlace(
  tx: DbTx,
  shown: { kind: ShownKind; refId: number; chatId: bigint; messageId: number },
): Promise<void> {
  const place = { cardChatId: shown.chatId, cardMessageId: shown.messageId };
  switch (shown.kind) {
    case "response-card":
      await tx.employeeResponse.updateMany({ where: { id: shown.refId }, data: place });
      return;
    case "proposal-card":
      await tx.proposal.updateMany({ where: { id: shown.refId }, data: place });
      return;
    case "proposal-digest": {
      const digest = await tx.proposalDigest.findUnique({ where: { id: shown.refId } });
      if (!digest) return;
      await tx.proposalDigest.update({
        where: { id: digest.id },
        data: { chatId: shown.chatId, messageId: shown.messageId },
      });
      await tx.proposal.updateMany({
        where: { runId: digest.runId, agencyId: digest.agencyId },
        data: place,
      });
    }
  }
}
