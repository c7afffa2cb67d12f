import type { DbTx } from "../../db/client.ts";
import { actorOf, type Actor } from "../../domain/actor.ts";
import { pickLocale, type Locale } from "../../messages/locales/index.ts";

/** Who a Telegram user is outside a chat (the Mini App): the same actor and language as in the bot. */
export interface Person {
  actor: Actor;
  locale: Locale;
  agency: { code: string; name: string } | null;
  unit: { code: string; name: string } | null;
}

export async function personOfTelegramUser(
  db: DbTx,
  input: {
    telegramId: bigint;
    firstName: string;
    languageCode: string | undefined;
    adminIds: readonly bigint[];
    defaultLocale: Locale;
  },
): Promise<Person> {
  const user = await db.user.findUnique({
    where: { telegramId: input.telegramId },
    include: { unit: true, agency: true },
  });
  // A deactivated account keeps no rights here either (as the bot's refusals say in chat).
  const account = user?.active === false ? null : user;
  const admin = input.adminIds.includes(input.telegramId);
  return {
    actor: actorOf(account, admin, `telegram:${input.telegramId}`),
    locale: pickLocale(account?.locale, input.languageCode, input.defaultLocale),
    agency: account?.agency ? { code: account.agency.code, name: account.agency.name } : null,
    unit: account?.unit ? { code: account.unit.code, name: account.unit.name } : null,
  };
}
