// What happens once Telegram accepted a message, and how an outbox payload goes on the wire.
import type { Db } from "../db/client.ts";
import type { OutboxMessage } from "../generated/prisma/client.ts";

/** Marks a message sent and runs its kind's hook, in one transaction. */
export async function markSent(
  db: Db,
  message: OutboxMessage,
  sentMessageId: number | null,
  sentAt: Date,
): Promise<void> {
  const data = { status: "SENT" as const, sentAt, sentMessageId, lastError: null };
  if (
    message.kind !== "proposal-card" &&
    message.kind !== "proposal-digest" &&
    message.kind !== "response-card"
  ) {
    // One statement: the window in which a crash would send this message again stays a round trip.
    await db.outboxMessage.updateMany({ where: { id: message.id, status: "PENDING" }, data });
    return;
  }
  await db.$transaction(async (tx) => {
    const { count } = await tx.outboxMessage.updateMany({
      where: { id: message.id, status: "PENDING" },
      data,
    });
    if (count !== 1 || message.refId === null || sentMessageId === null) return;
    if (message.kind === "response-card") {
      // An employee's response card (issue 15): its decision edits it in place.
      await tx.employeeResponse.updateMany({
        where: { id: message.refId },
        data: { cardChatId: message.chatId, cardMessageId: sentMessageId },
      });
      return;
    }
    if (message.kind === "proposal-digest") {
      // The digest is every proposal's card: /usulan links to it and decisions edit it.
      // A missing row must not undo the SENT mark (the message would go out again): it is skipped.
      const digest = await tx.proposalDigest.findUnique({ where: { id: message.refId } });
      if (!digest) return;
      await tx.proposalDigest.update({
        where: { id: digest.id },
        data: { chatId: message.chatId, messageId: sentMessageId },
      });
      await tx.proposal.updateMany({
        where: { runId: digest.runId, agencyId: digest.agencyId },
        data: { cardChatId: message.chatId, cardMessageId: sentMessageId },
      });
      return;
    }
    await tx.proposal.updateMany({
      where: { id: message.refId },
      data: { cardChatId: message.chatId, cardMessageId: sentMessageId },
    });
  });
}

export function messageIdOf(result: unknown): number | null {
  if (typeof result === "object" && result !== null && "message_id" in result) {
    const id = Number((result as { message_id: unknown }).message_id);
    return Number.isFinite(id) ? id : null;
  }
  return null;
}

/**
 * Files ride in the outbox as `{ base64, filename }` (the payload is JSON); telegraf uploads a
 * `{ source: Buffer, filename }` as multipart, so that is what goes on the wire.
 */
export function withUploads(payload: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(payload).map(([key, value]) => {
      if (value && typeof value === "object" && "base64" in value && typeof value.base64 === "string") {
        const filename = "filename" in value && typeof value.filename === "string" ? value.filename : key;
        return [key, { source: Buffer.from(value.base64, "base64"), filename }];
      }
      return [key, value];
    }),
  );
}
