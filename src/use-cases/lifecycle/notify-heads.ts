import type { DbTx } from "../../db/client.ts";
import { enqueueMessage, PRIORITY } from "../../delivery/outbox.ts";
import {
  isLocale,
  translate,
  type Locale,
  type TextKey,
  type TextParams,
} from "../../messages/locales/index.ts";

/**
 * Queues one text to every active head of a unit, each in their own language. The dedupe key
 * names the event and the head, so a job that runs again, or twice at once, tells nobody twice.
 * Returns the messages queued now.
 */
export async function notifyUnitHeads(
  db: DbTx,
  input: {
    unitId: number;
    dedupeKey: string;
    key: TextKey;
    /** Per language when a parameter is itself a text (a status name). */
    params: TextParams | ((locale: Locale) => TextParams);
    defaultLocale: Locale;
    kind: string;
  },
): Promise<number> {
  const heads = await db.user.findMany({
    where: { role: "UNIT_HEAD", active: true, unitId: input.unitId },
    orderBy: { id: "asc" },
  });
  let queued = 0;
  for (const head of heads) {
    const locale = isLocale(head.locale) ? head.locale : input.defaultLocale;
    const added = await enqueueMessage(db, {
      dedupeKey: `${input.dedupeKey}:head:${head.id}`,
      chatId: head.telegramId,
      method: "sendMessage",
      payload: {
        chat_id: head.telegramId.toString(),
        text: translate(
          locale,
          input.key,
          typeof input.params === "function" ? input.params(locale) : input.params,
        ),
      },
      priority: PRIORITY.notice,
      kind: input.kind,
    });
    if (added) queued += 1;
  }
  return queued;
}
