// What happens once Telegram accepted a message, and how an outbox payload goes on the wire.
import type { Db, DbTx } from "../db/client.ts";
import type { OutboxMessage } from "../generated/prisma/client.ts";

/**
 * What the caller does once Telegram accepted a message that has a kind and a reference (e.g. remember
 * where a proposal's card sits): it runs in the transaction that marks the message sent.
 */
export type SentHandler = (
  tx: DbTx,
  sent: { kind: string; refId: number; chatId: bigint; messageId: number },
) => Promise<void>;

/**
 * Marks a message sent. A message with a kind, a reference and a message id is told to `onSent` in the
 * same transaction; any other is one statement, so the window in which a crash would send it again
 * stays a round trip.
 */
export async function markSent(
  db: Db,
  message: OutboxMessage,
  sentMessageId: number | null,
  sentAt: Date,
  onSent?: SentHandler,
): Promise<void> {
  const data = { status: "SENT" as const, sentAt, sentMessageId, lastError: null };
  const { kind, refId } = message;
  if (!onSent || kind === null || refId === null || sentMessageId === null) {
    await db.outboxMessage.updateMany({ where: { id: message.id, status: "PENDING" }, data });
    return;
  }
  await db.$transaction(async (tx) => {
    const { count } = await tx.outboxMessage.updateMany({
      where: { id: message.id, status: "PENDING" },
      data,
    });
    if (count === 1) await onSent(tx, { kind, refId, chatId: message.chatId, messageId: sentMessageId });
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
