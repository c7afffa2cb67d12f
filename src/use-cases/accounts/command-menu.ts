import { createHash } from "node:crypto";
import type { DbTx } from "../../db/client.ts";
import { enqueueMessages, PRIORITY, type OutgoingMessage } from "../../delivery/outbox.ts";
import { commandMenu, menuButton, menuOfRole } from "../../messages/command-menus.ts";
import type { Locale } from "../../messages/locales/index.ts";

export interface MenuConfig {
  DEFAULT_LOCALE: Locale;
  /** Their menu is registered at start-up by configuration (bot/commands.ts). */
  ADMIN_TELEGRAM_IDS: readonly bigint[];
  /** When the Mini App is on, the chat's menu button opens it for those who may see the district. */
  WEB_APP_URL?: string | undefined;
}

type MenuUser = { telegramId: bigint; role: string; locale: string | null; updatedAt: Date; active: boolean };

/**
 * The person's own command menu (setMyCommands for their private chat): the commands of their role,
 * in their language; with the Mini App on, also the chat's menu button (the map for a head, an
 * approver or an admin, Telegram's default for anyone else, so a lost role takes it away). Nothing for
 * an inactive account or a configured admin (bot/commands.ts sets theirs). The key names the account's
 * version and the menu itself, so a repeat (every start-up asks for all) queues nothing and a release
 * with a new command queues it again.
 */
function menuMessages(user: MenuUser, config: MenuConfig): OutgoingMessage[] {
  if (!user.active || config.ADMIN_TELEGRAM_IDS.includes(user.telegramId)) return [];
  const locale: Locale = user.locale === "en" || user.locale === "id" ? user.locale : config.DEFAULT_LOCALE;
  const menu = menuOfRole(user.role, false);
  const commands = commandMenu(menu, locale);
  const version = (payload: unknown) =>
    `${user.telegramId}:${user.updatedAt.getTime()}:${createHash("sha256").update(JSON.stringify(payload)).digest("hex").slice(0, 12)}`;
  const messages: OutgoingMessage[] = [
    {
      dedupeKey: `menu:${version(commands)}`,
      chatId: user.telegramId,
      method: "setMyCommands",
      payload: {
        commands: commands.map((c) => ({ ...c })),
        scope: { type: "chat", chat_id: Number(user.telegramId) },
      },
      priority: PRIORITY.bulk,
      kind: "command-menu",
    },
  ];
  if (config.WEB_APP_URL) {
    const button = menuButton(menu === "none" || menu === "employee" ? null : config.WEB_APP_URL, locale);
    messages.push({
      dedupeKey: `menu-button:${version(button)}`,
      chatId: user.telegramId,
      method: "setChatMenuButton",
      payload: { chat_id: Number(user.telegramId), menu_button: button },
      priority: PRIORITY.bulk,
      kind: "command-menu",
    });
  }
  return messages;
}

/**
 * Queues the menu of the account with this Telegram id, as it stands in this transaction: the one that
 * changed its role or language, so the menu follows it.
 */
export async function queueCommandMenuOf(tx: DbTx, telegramId: number | bigint, config: MenuConfig) {
  const user = await tx.user.findUnique({ where: { telegramId: BigInt(telegramId) } });
  return user ? (await enqueueMessages(tx, menuMessages(user, config))) > 0 : false;
}

/**
 * At start-up: every account's menu that is not queued yet (none after the first start of a release),
 * in one insert rather than one a person.
 */
export async function queueCommandMenus(db: DbTx, config: MenuConfig): Promise<number> {
  const users = await db.user.findMany({ where: { active: true }, orderBy: { id: "asc" } });
  return enqueueMessages(
    db,
    users.flatMap((user) => menuMessages(user, config)),
  );
}
