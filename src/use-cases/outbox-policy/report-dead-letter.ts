import type { DbTx } from "../../db/client.ts";
import { getSetting, putSetting } from "../../db/settings.ts";
import type { RefusedMessage } from "../../delivery/failures.ts";
import { PRIORITY } from "../../delivery/outbox.ts";
import { Html, translate, type Locale } from "../../messages/locales/index.ts";
import { adminRecipients, type AdminConfig } from "./admin-recipients.ts";
import { ADMIN_NOTICE_KINDS } from "./handle-lost-chat.ts";

/** A notice waits this long for more refusals to join it: a burst of 50 is one notice, not 50. */
export const DEAD_LETTER_WINDOW_MS = 60_000;
/** Refusals spelled out in one notice; the rest are counted (all of them are in `status`). */
export const DEAD_LETTERS_SHOWN = 5;

/** Kept in Setting per admin: the notice not yet sent and what it says. */
type OpenNotice = {
  noticeId: number;
  count: number;
  /** The earliest-queued refusals (by outbox id), whatever order parallel sends were refused in. */
  items: Array<{ id?: number; chat: string; error: string }>;
};

/**
 * Telegram refused a push for good (400 and the like; the message is DEAD with its description).
 * Every admin hears about it once: the refusal joins the admin's notice that has not gone out yet
 * (count and the first descriptions), or opens a new one that goes out after the window. A notice
 * that has been claimed for sending is never changed, so no refusal is told twice or lost.
 * Runs in the sender's transaction that dead-letters the message.
 */
export async function reportDeadLetter(tx: DbTx, dead: RefusedMessage, config: AdminConfig): Promise<void> {
  if (dead.kind !== null && ADMIN_NOTICE_KINDS.includes(dead.kind)) return;
  // A person's command menu that Telegram refused leaves them the default one: nothing to act on.
  if (dead.kind === "command-menu") return;
  // Refusals are dead-lettered in parallel; one at a time here keeps each notice's count exact.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('seimbang:dead-letter-notice'))`;
  const item = { id: dead.id, chat: String(dead.chatId), error: dead.error };
  for (const [adminId, locale] of await adminRecipients(tx, config, dead.chatId)) {
    const key = `delivery.deadLetterNotice.${adminId}`;
    const open = await getSetting<OpenNotice>(tx, key);
    if (open) {
      const next: OpenNotice = {
        ...open,
        count: open.count + 1,
        items: [...open.items, item].sort((a, b) => (a.id ?? 0) - (b.id ?? 0)).slice(0, DEAD_LETTERS_SHOWN),
      };
      const { count } = await tx.outboxMessage.updateMany({
        where: { id: open.noticeId, status: "PENDING", attempts: 0 },
        data: { payload: noticePayload(locale, next) },
      });
      if (count === 1) {
        await putSetting(tx, key, next);
        continue;
      }
    }
    const fresh = { count: 1, items: [item] };
    const notice = await tx.outboxMessage.create({
      data: {
        dedupeKey: `dead-letter:${dead.id}:${adminId}`,
        chatId: adminId,
        method: "sendMessage",
        payload: noticePayload(locale, fresh),
        priority: PRIORITY.notice,
        kind: "dead-letter-notice",
        nextAttemptAt: new Date(dead.at.getTime() + DEAD_LETTER_WINDOW_MS),
      },
    });
    await putSetting(tx, key, { noticeId: notice.id, ...fresh });
  }
}

function noticePayload(locale: Locale, notice: Omit<OpenNotice, "noticeId">) {
  const lines = notice.items.map((i) =>
    translate(locale, "delivery.admin.dead_letter_item", { chat: i.chat, error: i.error }),
  );
  const rest = notice.count - notice.items.length;
  if (rest > 0) lines.push(translate(locale, "delivery.admin.dead_letters_more", { count: rest }));
  const text = translate(locale, "delivery.admin.dead_letters", {
    count: notice.count,
    items: new Html(lines.join("\n")),
  });
  return { text };
}
