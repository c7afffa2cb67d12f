import type { DbTx } from "../../db/client.ts";
import { proposalWithRelations, type ProposalWithRelations } from "../../db/proposal-query.ts";
import { enqueueMessage, PRIORITY } from "../../delivery/outbox.ts";
import type { EmployeeResponse, HrGroup, Prisma } from "../../generated/prisma/client.ts";
import type { Locale } from "../../messages/locales/index.ts";
import { renderResponseCard } from "../../messages/response-card.ts";

export interface ResponseCards {
  locale: Locale;
  timeZone: string;
}

/**
 * Queues the card of every open tanggapan or keberatan of the group's agency that is not in this
 * chat yet: those recorded while the agency had no active HR group, and those whose card is in a
 * chat the agency has since left (buttons there are refused). A card already sent or queued to this
 * chat is not queued again. Returns how many were queued.
 */
export async function postOpenResponses(db: DbTx, group: HrGroup, cards: ResponseCards): Promise<number> {
  const open = await db.employeeResponse.findMany({
    where: {
      status: "OPEN",
      proposal: { agencyId: group.agencyId },
      OR: [{ cardChatId: null }, { cardChatId: { not: group.chatId } }],
    },
    include: { proposal: { include: proposalWithRelations } },
    orderBy: { id: "asc" },
  });
  let queued = 0;
  for (const response of open) {
    const waiting = await db.outboxMessage.findFirst({
      where: { kind: "response-card", refId: response.id, chatId: group.chatId },
    });
    if (waiting) continue;
    await queueResponseCard(
      db,
      response,
      group.chatId,
      `response:${response.id}:card:${group.chatId}`,
      cards,
    );
    queued++;
  }
  return queued;
}

/** Queues a response's card, with Terima / Tolak, to an HR group's chat. */
export async function queueResponseCard(
  db: DbTx,
  response: EmployeeResponse & { proposal: ProposalWithRelations },
  chatId: bigint,
  dedupeKey: string,
  cards: ResponseCards,
): Promise<void> {
  const card = renderResponseCard({ ...response, decidedBy: null }, cards.locale, cards.timeZone);
  await enqueueMessage(db, {
    dedupeKey,
    chatId,
    method: "sendMessage",
    payload: {
      chat_id: chatId.toString(),
      text: card.text,
      ...(card.reply_markup ? { reply_markup: card.reply_markup as unknown as Prisma.InputJsonValue } : {}),
    },
    priority: PRIORITY.interactive,
    // The sender remembers where the card is, so the decision can edit it (delivery/mark-sent.ts).
    kind: "response-card",
    refId: response.id,
  });
}
