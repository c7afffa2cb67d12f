import type { DbTx } from "../../db/client.ts";
import { enqueueMessage, PRIORITY } from "../../delivery/outbox.ts";
import type { RefusedMessage } from "../../delivery/failures.ts";
import { translate } from "../../messages/locales/index.ts";
import { adminRecipients, type AdminConfig } from "./admin-recipients.ts";

/** Kinds of the admins' own notices: one that bounces must not start another round of notices. */
export const ADMIN_NOTICE_KINDS = ["admin-notice", "dead-letter-notice"];

/**
 * Telegram answered 403 for a push: the person blocked the bot, or the bot was removed from the
 * HR group. The chat is marked inactive, what else waits for it is cancelled, and every admin is
 * told once, in their language. Runs in the sender's transaction that dead-letters the message.
 */
export async function handleLostChat(tx: DbTx, lost: RefusedMessage, config: AdminConfig): Promise<void> {
  const { chatId, error } = lost;
  await tx.outboxMessage.updateMany({
    where: { chatId, status: "PENDING" },
    data: { status: "CANCELLED", lastError: `chat inactive after: ${error}` },
  });
  let who: string;
  if (chatId < 0n) {
    const group = await tx.hrGroup.findUnique({ where: { chatId }, include: { agency: true } });
    await tx.hrGroup.updateMany({ where: { chatId }, data: { active: false } });
    who = group ? `${group.title ?? group.agency.name} (${group.agency.code})` : String(chatId);
  } else {
    const user = await tx.user.findUnique({ where: { telegramId: chatId } });
    await tx.user.updateMany({ where: { telegramId: chatId }, data: { active: false } });
    who = user ? user.name : String(chatId);
  }
  if (lost.kind !== null && ADMIN_NOTICE_KINDS.includes(lost.kind)) return;
  const key = chatId < 0n ? "check.admin.group_blocked" : "check.admin.user_blocked";
  for (const [adminId, locale] of await adminRecipients(tx, config, chatId)) {
    await enqueueMessage(tx, {
      dedupeKey: `blocked:${chatId}:${lost.id}:${adminId}`,
      chatId: adminId,
      method: "sendMessage",
      payload: { text: translate(locale, key, { who, chat: String(chatId), error }) },
      priority: PRIORITY.notice,
      kind: "admin-notice",
    });
  }
}
