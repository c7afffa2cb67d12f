import { createHash } from "node:crypto";
import type { DbTx } from "../../db/client.ts";
import { enqueueMessage, enqueueMessages, PRIORITY, type OutgoingMessage } from "../../delivery/outbox.ts";
import { commandMenu, menuOfRole } from "../../messages/command-menus.ts";
import type { Locale } from "../../messages/locales/index.ts";

export interface MenuConfig {
  DEFAULT_LOCALE: Locale;
  /** Their menu is registered at start-up by configuration (bot/commands.ts). */
  ADMIN_TELEGRAM_IDS: readonly bigint[];
}

type MenuUser = { telegramId: bigint; role: string; locale: string | null; updatedAt: Date; active: boolean };

/**
 * The person's own command menu (setMyCommands for their private chat): the commands of their role,
 * in their language; null for an inactive account or a configured admin. The key names the account's
 * version and the menu itself, so a repeat (every start-up asks for all) queues nothing and a release
 * with a new command queues it again.
 */
function menuMessage(user: MenuUser, config: MenuConfig): OutgoingMessage | null {
  if (!user.active || config.ADMIN_TELEGRAM_IDS.includes(user.telegramId)) return null;
  const locale: Locale = user.locale === "en" || user.locale === "id" ? user.locale : config.DEFAULT_LOCALE;
  const commands = commandMenu(menuOfRole(user.role, false), locale);
  const digest = createHash("sha256").update(JSON.stringify(commands)).digest("hex").slice(0, 12);
  return {
    dedupeKey: `menu:${user.telegramId}:${user.updatedAt.getTime()}:${digest}`,
    chatId: user.telegramId,
    method: "setMyCommands",
    payload: {
      commands: commands.map((c) => ({ ...c })),
      scope: { type: "chat", chat_id: Number(user.telegramId) },
    },
    priority: PRIORITY.bulk,
    kind: "command-menu",
  };
}

/**
 * Queues the menu of the account with this Telegram id, as it stands in this transaction: the one that
 * changed its role or language, so the menu follows it.
 */
export async function queueCommandMenuOf(tx: DbTx, telegramId: number | bigint, config: MenuConfig) {
  const user = await tx.user.findUnique({ where: { telegramId: BigInt(telegramId) } });
  const message = user ? menuMessage(user, config) : null;
  return message ? enqueueMessage(tx, message) : false;
}

/**
 * At start-up: every account's menu that is not queued yet (none after the first start of a release),
 * in one insert rather than one a person.
 */
export async function queueCommandMenus(db: DbTx, config: MenuConfig): Promise<number> {
  const users = await db.user.findMany({ where: { active: true }, orderBy: { id: "asc" } });
  return enqueueMessages(
    db,
    users.flatMap((user) => menuMessage(user, config) ?? []),
  );
}
