import type { DbTx } from "../db/client.ts";
import { enqueueMessage, PRIORITY } from "../delivery/outbox.ts";
import type { LetterFile } from "../documents/letters.ts";
import type { Proposal, User } from "../generated/prisma/client.ts";
import { isLocale, type Locale } from "../messages/locales/index.ts";

export interface NoticeRecipient {
  userId: number;
  chatId: bigint;
  /** The person themself (with the letter's button), or the origin head who hands the letter over. */
  as: "person" | "head";
}

export interface LetterRecipient {
  user: User;
  as: NoticeRecipient["as"];
}

/**
 * Who receives a letter about a proposal: the person if they have joined (with a button to answer),
 * else the origin unit's heads, who hand it over.
 */
export async function letterRecipients(db: DbTx, proposal: Pick<Proposal, "employeeId" | "fromUnitId">) {
  const employee = await db.employee.findUniqueOrThrow({
    where: { id: proposal.employeeId },
    include: { role: true, user: true, unit: { include: { agency: true } } },
  });
  const person = employee.user?.active ? employee.user : null;
  const recipients = person
    ? [{ user: person, as: "person" as const }]
    : (
        await db.user.findMany({
          where: { role: "UNIT_HEAD", active: true, unitId: proposal.fromUnitId },
          orderBy: { id: "asc" },
        })
      ).map((user) => ({ user, as: "head" as const }));
  return { employee, person, recipients };
}

/**
 * One letter (a PDF, rendered by the sender outside this transaction: documents/letters.ts) to each
 * recipient through the outbox, captioned in their language; only the person gets the button. The
 * dedupe key `proposal:<id>:<kind>:<user>` makes a second call for the same step send nothing more.
 */
export async function queueLetters(
  db: DbTx,
  input: {
    proposalId: number;
    kind: string;
    file: LetterFile;
    recipients: readonly LetterRecipient[];
    /** Language of whoever has not chosen one. */
    locale: Locale;
    caption: (locale: Locale, as: NoticeRecipient["as"]) => string;
    button: (locale: Locale) => { text: string; callback_data: string };
  },
): Promise<NoticeRecipient[]> {
  const sent: NoticeRecipient[] = [];
  for (const { user, as } of input.recipients) {
    const locale = isLocale(user.locale) ? user.locale : input.locale;
    await enqueueMessage(db, {
      dedupeKey: `proposal:${input.proposalId}:${input.kind}:${user.id}`,
      chatId: user.telegramId,
      method: "sendDocument",
      payload: {
        chat_id: user.telegramId.toString(),
        document: input.file,
        caption: input.caption(locale, as),
        parse_mode: "HTML",
        ...(as === "person" ? { reply_markup: { inline_keyboard: [[input.button(locale)]] } } : {}),
      },
      priority: PRIORITY.notice,
    });
    sent.push({ userId: user.id, chatId: user.telegramId, as });
  }
  return sent;
}
