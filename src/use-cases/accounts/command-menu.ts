import { createHash } from "node:crypto";
import type { DbTx } from "../../db/client.ts";
import { enqueueMessage, PRIORITY } from "../../delivery/outbox.ts";
import { commandMenu, menuOfRole } from "../../messages/command-menus.ts";
import type { Locale } from "../../messages/locales/index.ts";

export interface MenuConfig {
  DEFAULT_LOCALE: Locale;
  /** Their menu is registered at start-up by configuration (bot/commands.ts). */
  ADMIN_TELEGRAM_IDS: readonly bigint[];
}

type MenuUser = { telegramId: bigint; role: string; locale: string | null; updatedAt: Date; active: boolean };

/**
 * Queues the person's own command menu (setMyCommands for their private chat): the commands of their
 * role, in their language. Queued in the transaction that changed the role or the language, so the
 * menu follows it; the key names the account's version and the menu itself, so a repeat (every
 * start-up asks for all) queues nothing and a release with a new command queues it again.
 */
export async function queueCommandMenu(tx: DbTx, user: MenuUser, config: MenuConfig): Promise<boolean> {
  if (!user.active || config.ADMIN_TELEGRAM_IDS.includes(user.telegramId)) return false;
  const locale: Locale = user.locale === "en" || user.locale === "id" ? user.locale : config.DEFAULT_LOCALE;
  const commands = commandMenu(menuOfRole(user.role, false), locale);
  const digest = createHash("sha256").update(JSON.stringify(commands)).digest("hex").slice(0, 12);
  return enqueueMessage(tx, {
    dedupeKey: `menu:${user.telegramId}:${user.updatedAt.getTime()}:${digest}`,
    chatId: user.telegramId,
    method: "setMyCommands",
    payload: {
      commands: commands.map((c) => ({ ...c })),
      scope: { type: "chat", chat_id: Number(user.telegramId) },
    },
    priority: PRIORITY.bulk,
    kind: "command-menu",
  });
}

/** The menu of the account with this Telegram id, as it stands in this transaction. */
export async function queueCommandMenuOf(tx: DbTx, telegramId: number | bigint, config: MenuConfig) {
  const user = await tx.user.findUnique({ where: { telegramId: BigInt(telegramId) } });
  return user ? queueCommandMenu(tx, user, config) : false;
}

/** At start-up: every account's menu that is not queued yet (none after the first start of a release). */
export async function queueCommandMenus(db: DbTx, config: MenuConfig): Promise<number> {
  const users = await db.user.findMany({ where: { active: true }, orderBy: { id: "asc" } });
  let queued = 0;
  for (const user of users) if (await queueCommandMenu(db, user, config)) queued += 1;
  return queued;
}
