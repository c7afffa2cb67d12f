import type { DbTx } from "../../db/client.ts";
import { isLocale, type Locale } from "../../messages/locales/index.ts";

export interface AdminConfig {
  ADMIN_TELEGRAM_IDS: bigint[];
  DEFAULT_LOCALE: Locale;
}

/**
 * Who hears about delivery trouble: the configured admin ids (default language) and the active
 * ADMIN users (their own language), once each, never the chat the trouble is about.
 */
export async function adminRecipients(
  tx: DbTx,
  config: AdminConfig,
  except?: bigint,
): Promise<Map<bigint, Locale>> {
  const recipients = new Map<bigint, Locale>();
  for (const id of config.ADMIN_TELEGRAM_IDS) recipients.set(id, config.DEFAULT_LOCALE);
  const admins = await tx.user.findMany({ where: { role: "ADMIN", active: true } });
  for (const admin of admins)
    recipients.set(admin.telegramId, isLocale(admin.locale) ? admin.locale : config.DEFAULT_LOCALE);
  if (except !== undefined) recipients.delete(except);
  return recipients;
}
