import { chunks } from "../db/chunks.ts";
import type { DbTx } from "../db/client.ts";
import type { Prisma } from "../generated/prisma/client.ts";

/** Interactive notices go before bulk pushes (lower is sooner). */
export const PRIORITY = { interactive: 1, notice: 3, bulk: 5 } as const;

export interface OutgoingMessage {
  /** Same key, same message: a second enqueue is ignored, so a retried job never sends twice. */
  dedupeKey: string;
  chatId: bigint | number;
  method:
    | "sendMessage"
    | "sendPhoto"
    | "editMessageText"
    | "editMessageReplyMarkup"
    | "sendDocument"
    | "setMyCommands"
    | "setChatMenuButton";
  payload: Prisma.InputJsonValue;
  priority?: number;
  /** What the sender does with the sent message, e.g. "proposal-card" remembers its message id on proposal refId. */
  kind?: string;
  refId?: number;
  /** Not sent before this time (default: at once). */
  notBefore?: Date;
}

/**
 * Queues a push in the caller's transaction: it is sent only if the change that caused it commits,
 * and exactly once (see delivery/sender.ts).
 */
export async function enqueueMessage(db: DbTx, message: OutgoingMessage): Promise<boolean> {
  return (await enqueueMessages(db, [message])) === 1;
}

/** Queues many pushes in as few statements as the database allows; returns how many were new. */
export async function enqueueMessages(db: DbTx, messages: readonly OutgoingMessage[]): Promise<number> {
  let queued = 0;
  for (const batch of chunks([...messages])) {
    const { count } = await db.outboxMessage.createMany({
      data: batch.map((message) => ({
        dedupeKey: message.dedupeKey,
        chatId: BigInt(message.chatId),
        method: message.method,
        payload: withHtml(message.method, message.payload),
        priority: message.priority ?? PRIORITY.notice,
        kind: message.kind ?? null,
        refId: message.refId ?? null,
        ...(message.notBefore ? { nextAttemptAt: message.notBefore } : {}),
      })),
      skipDuplicates: true,
    });
    queued += count;
  }
  return queued;
}

const TEXT_METHODS = new Set(["sendMessage", "editMessageText", "sendPhoto", "sendDocument"]);

/**
 * Queued texts and captions are HTML, as the bot's own replies are (bot/html-telegram.ts): set here once
 * for every push. A payload that names its parse_mode keeps it.
 */
function withHtml(method: string, payload: Prisma.InputJsonValue): Prisma.InputJsonValue {
  if (!TEXT_METHODS.has(method) || typeof payload !== "object" || payload === null || Array.isArray(payload))
    return payload;
  return "parse_mode" in payload ? payload : { ...payload, parse_mode: "HTML" };
}

/** What an edit shows: the text (HTML) and the keyboard (an empty one takes the old one away). */
export interface EditView {
  text: string;
  reply_markup: unknown;
}

/** Queues an edit of a message the bot sent (a card, a digest) to show `view`, HTML. */
export function enqueueEdit(
  db: DbTx,
  edit: {
    dedupeKey: string;
    chatId: bigint | number;
    messageId: number;
    view: EditView;
    priority: number;
    notBefore?: Date;
  },
): Promise<boolean> {
  return enqueueMessage(db, {
    dedupeKey: edit.dedupeKey,
    chatId: edit.chatId,
    method: "editMessageText",
    payload: {
      chat_id: edit.chatId.toString(),
      message_id: edit.messageId,
      text: edit.view.text,
      reply_markup: edit.view.reply_markup as Prisma.InputJsonValue,
    },
    priority: edit.priority,
    ...(edit.notBefore ? { notBefore: edit.notBefore } : {}),
  });
}

/** Queued edits whose key starts with `prefix` that have not gone out yet are not needed any more. */
export async function cancelPendingEdits(db: DbTx, prefix: string): Promise<void> {
  await db.outboxMessage.updateMany({
    where: { dedupeKey: { startsWith: prefix }, status: "PENDING", method: "editMessageText" },
    data: { status: "CANCELLED", lastError: "replaced by a newer edit of the same message" },
  });
}

/**
 * A queued message the caller delivered itself (a decision's edit, made at once by the handler):
 * marked sent unless the sender has already done so.
 */
export async function markSentDirectly(db: DbTx, outboxId: number, at: Date): Promise<void> {
  await db.outboxMessage.updateMany({
    where: { id: outboxId, status: "PENDING" },
    data: { status: "SENT", sentAt: at, lastError: null },
  });
}

/** The caller's own attempt failed: the sender takes the message now, retrying as for every push. */
export async function handToSender(db: DbTx, outboxId: number, at: Date, error: string): Promise<void> {
  await db.outboxMessage.updateMany({
    where: { id: outboxId, status: "PENDING", attempts: 0 },
    data: { nextAttemptAt: at, lastError: error.slice(0, 500) },
  });
}
