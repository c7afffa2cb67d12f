import type { DbTx } from "../../db/client.ts";
import { enqueueMessage, PRIORITY } from "../../delivery/outbox.ts";
import type { LetterFile } from "../../documents/letters.ts";
import type { Proposal, User } from "../../generated/prisma/client.ts";
import { isLocale, type Locale } from "../../messages/locales/index.ts";
import { writeAudit } from "../../db/audit.ts";

export interface NoticeRecipient {
  /** Null for the HR group. */
  userId: number | null;
  chatId: bigint;
  /**
   * The person themself (with the letter's button), the origin head who hands the letter over, or,
   * when neither has joined, the agency's HR group, which hands it over (issue 25: never nobody).
   */
  as: "person" | "head" | "group";
}

export interface LetterRecipient {
  chatId: bigint;
  userId: number | null;
  /** Their chosen language; null for a group (the bot's default). */
  locale: string | null;
  as: NoticeRecipient["as"];
}

const userRecipient = (user: User, as: "person" | "head"): LetterRecipient => ({
  chatId: user.telegramId,
  userId: user.id,
  locale: user.locale,
  as,
});

/**
 * Who receives a letter about a proposal: the person if they have joined (with a button to answer),
 * else the origin unit's heads, who hand it over, else the HR group of the proposal's agency (with
 * "serahkan kepada yang bersangkutan"). Empty only when none of them is there.
 */
export async function letterRecipients(
  db: DbTx,
  proposal: Pick<Proposal, "employeeId" | "fromUnitId" | "agencyId">,
) {
  const employee = await db.employee.findUniqueOrThrow({
    where: { id: proposal.employeeId },
    include: { role: true, user: true, unit: { include: { agency: true } } },
  });
  const person = employee.user?.active ? employee.user : null;
  if (person) return { employee, person, recipients: [userRecipient(person, "person")] };
  const heads = await db.user.findMany({
    where: { role: "UNIT_HEAD", active: true, unitId: proposal.fromUnitId },
    orderBy: { id: "asc" },
  });
  if (heads.length > 0)
    return { employee, person, recipients: heads.map((user) => userRecipient(user, "head")) };
  const group = await db.hrGroup.findFirst({ where: { agencyId: proposal.agencyId, active: true } });
  const recipients: LetterRecipient[] = group
    ? [{ chatId: group.chatId, userId: null, locale: null, as: "group" }]
    : [];
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
  for (const { chatId, userId, locale: chosen, as } of input.recipients) {
    const locale = isLocale(chosen) ? chosen : input.locale;
    await enqueueMessage(db, {
      dedupeKey: `proposal:${input.proposalId}:${input.kind}:${userId ?? `group:${chatId}`}`,
      chatId,
      method: "sendDocument",
      payload: {
        chat_id: chatId.toString(),
        document: input.file,
        caption: input.caption(locale, as),
        ...(as === "person" ? { reply_markup: { inline_keyboard: [[input.button(locale)]] } } : {}),
      },
      priority: PRIORITY.notice,
    });
    sent.push({ userId, chatId, as });
  }
  // Who was given the letter, in the audit trail: the operator can answer "who has it?" (issue 25).
  await writeAudit(db, {
    actorName: "system",
    action: `letter.${input.kind}`,
    entity: "proposal",
    entityId: input.proposalId,
    details: {
      recipients: sent.map((r) => ({ as: r.as, userId: r.userId, chatId: r.chatId.toString() })),
    },
  });
  return sent;
}
