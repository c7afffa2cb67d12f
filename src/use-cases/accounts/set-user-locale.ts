import type { DbTx } from "../../db/client.ts";

/** Strangers may choose a language too: they get a user row with no role. */
export async function setUserLocale(
  db: DbTx,
  input: { telegramId: number; name: string; locale: "id" | "en" },
): Promise<void> {
  const telegramId = BigInt(input.telegramId);
  await db.user.upsert({
    where: { telegramId },
    create: { telegramId, name: input.name, locale: input.locale },
    update: { locale: input.locale },
  });
}
