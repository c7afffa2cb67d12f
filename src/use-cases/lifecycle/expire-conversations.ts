import { pickLocale, translate, type Locale } from "../../messages/locales/index.ts";
import type { Db } from "../../db/client.ts";
import { enqueueMessage, PRIORITY } from "../../delivery/outbox.ts";
import type { Clock } from "../../domain/clock.ts";
import {
  isExpired,
  isPassive,
  type ConversationState,
  type SessionData,
} from "../../domain/conversation-state.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { Logger } from "../../logger.ts";

export interface ExpireConversationsDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** For people who never chose a language. */
  defaultLocale?: Locale;
}

/**
 * Ends conversations left silent for 30 minutes and tells the person, so a half-done report does
 * not wait forever for an answer nobody will type. Each one is cleared under the session's
 * version (an answer arriving at the same moment wins) together with its message in the outbox.
 */
export async function expireConversations(deps: ExpireConversationsDeps, now: Date): Promise<number> {
  const { db, logger } = deps;
  const sessions = await db.conversationSession.findMany({
    select: { key: true, data: true, version: true },
  });
  let ended = 0;
  for (const session of sessions) {
    const data = (session.data ?? {}) as SessionData;
    const state = data.conversation;
    if (!state || !isExpired(state, now)) continue;
    const [chatPart, fromPart] = session.key.split(":");
    // Only private chats hold conversations; a group's session key starts with a negative id.
    if (!chatPart || !fromPart || Number(chatPart) < 0) continue;
    const announce = !isPassive(state);
    const done = await db.$transaction(async (tx) => {
      const next = { ...data, conversation: null } as Prisma.InputJsonValue;
      const { count } = await tx.conversationSession.updateMany({
        where: { key: session.key, version: session.version },
        data: { data: next, version: session.version + 1 },
      });
      if (count === 0 || !announce) return count === 1;
      const user = await tx.user.findUnique({
        where: { telegramId: BigInt(fromPart) },
        select: { locale: true },
      });
      const locale = pickLocale(user?.locale, undefined, deps.defaultLocale ?? "id");
      await enqueueMessage(tx, {
        dedupeKey: expiryKey(session.key, state),
        chatId: BigInt(chatPart),
        method: "sendMessage",
        payload: {
          chat_id: Number(chatPart),
          text: translate(locale, "conversation.expired"),
        },
        priority: PRIORITY.interactive,
        kind: "conversation-expired",
      });
      return true;
    });
    if (done && announce) ended += 1;
  }
  if (ended > 0) logger.info({ ended }, "conversations expired");
  return ended;
}

function expiryKey(key: string, state: ConversationState): string {
  return `conversation-expired:${key}:${state.nonce}`;
}
