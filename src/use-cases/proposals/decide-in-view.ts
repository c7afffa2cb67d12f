import type { DbTx } from "../../db/client.ts";
import type { Actor } from "../../domain/actor.ts";
import type { Locale } from "../../messages/locales/index.ts";
import { decideProposal, type DecideOutcome } from "./decide-proposal.ts";
import { queueProposalView } from "./show-proposal.ts";

/**
 * A decision made outside the HR group (the Mini App): the same guards, quorum and audit as a press
 * of the group's button, and the group's card or digest edited through the outbox in the same
 * transaction, to be sent at once (no handler is there to make the edit itself).
 */
export async function decideInView(
  tx: DbTx,
  input: {
    proposalId: number;
    actor: Actor;
    verdict: "APPROVE" | "REJECT";
    reason?: string | undefined;
    now: Date;
    timeZone: string;
    /** The language of the group's cards. */
    groupLocale: Locale;
  },
): Promise<DecideOutcome> {
  const outcome = await decideProposal(tx, {
    proposalId: input.proposalId,
    actor: input.actor,
    verdict: input.verdict,
    reason: input.reason,
    now: input.now,
    timeZone: input.timeZone,
    locale: input.groupLocale,
  });
  const { cardChatId, cardMessageId } = outcome.proposal;
  if (cardChatId !== null && cardMessageId !== null) {
    await queueProposalView(tx, {
      ...outcome,
      at: { chatId: cardChatId, messageId: cardMessageId },
      locale: input.groupLocale,
      timeZone: input.timeZone,
      now: input.now,
      graceMs: 0,
    });
  }
  return outcome;
}
