import type { DbTx } from "./client.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { blackoutsSchema, type Blackout } from "../domain/blackout.ts";
import { holidaysSchema } from "../domain/working-days.ts";

export async function getSetting<T>(db: DbTx, key: string): Promise<T | null> {
  const row = await db.setting.findUnique({ where: { key } });
  return row ? (row.value as T) : null;
}

export async function putSetting(db: DbTx, key: string, value: Prisma.InputJsonValue): Promise<void> {
  await db.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
}

/** The bot records its @username at start so the CLI can print deep links without calling Telegram. */
export const getBotUsername = (db: DbTx) => getSetting<string>(db, "bot.username");
export const putBotUsername = (db: DbTx, username: string) => putSetting(db, "bot.username", username);

/**
 * The Mini App's direct link (https://t.me/<bot>/<WEB_APP_NAME>), written at start-up from the
 * configuration (null: none), so that every digest rendered from the database can carry its button.
 */
export const getMiniAppLink = (db: DbTx) => getSetting<string>(db, "webApp.directLink");
export async function putMiniAppLink(db: DbTx, link: string | null): Promise<void> {
  if (link) await putSetting(db, "webApp.directLink", link);
  else await db.setting.deleteMany({ where: { key: "webApp.directLink" } });
}

export const BLACKOUTS_SETTING = "policy.blackouts";

/** The configured election freezes; a malformed setting reads as none (the check must still run). */
export async function getBlackouts(db: DbTx): Promise<Blackout[]> {
  const parsed = blackoutsSchema.safeParse((await getSetting<unknown>(db, BLACKOUTS_SETTING)) ?? []);
  return parsed.success ? parsed.data : [];
}

export const HOLIDAYS_SETTING = "policy.holidays";
/** National holidays an admin took off the calendar (a day the government moved), yyyy-mm-dd. */
export const HOLIDAYS_REMOVED_SETTING = "policy.holidays.removed";

export async function getRemovedHolidays(db: DbTx): Promise<string[]> {
  const parsed = holidaysSchema.safeParse((await getSetting<unknown>(db, HOLIDAYS_REMOVED_SETTING)) ?? []);
  return parsed.success ? parsed.data : [];
}

/** Public holidays and cuti bersama (yyyy-mm-dd) that working-day deadlines skip; malformed reads as none. */
export async function getHolidays(db: DbTx): Promise<string[]> {
  const parsed = holidaysSchema.safeParse((await getSetting<unknown>(db, HOLIDAYS_SETTING)) ?? []);
  return parsed.success ? parsed.data : [];
}
