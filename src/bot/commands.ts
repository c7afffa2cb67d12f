import type { Telegram } from "telegraf";
import { commandMenu, menuButton } from "../messages/command-menus.ts";

/**
 * The menus every chat starts with: a stranger's in private chats (a registered person gets their
 * own, see use-cases/command-menu.ts), the HR team's in groups, the admin's for the configured
 * admins. Indonesian names by default; people whose Telegram is in English see the English aliases.
 * With the Mini App on (`webAppUrl`), the configured admins' menu button opens its map.
 */
export async function registerCommands(
  telegram: Telegram,
  adminIds: readonly bigint[],
  webAppUrl?: string,
): Promise<void> {
  for (const locale of ["id", "en"] as const) {
    const language_code = locale === "en" ? "en" : undefined;
    await telegram.setMyCommands(commandMenu("none", locale), {
      scope: { type: "all_private_chats" },
      language_code,
    });
    await telegram.setMyCommands(commandMenu("group", locale), {
      scope: { type: "all_group_chats" },
      language_code,
    });
    for (const id of adminIds) {
      await telegram.setMyCommands(commandMenu("admin", locale), {
        scope: { type: "chat", chat_id: Number(id) },
        language_code,
      });
    }
  }
  if (!webAppUrl) return;
  for (const id of adminIds)
    await telegram.callApi("setChatMenuButton", {
      chat_id: Number(id),
      menu_button: menuButton(webAppUrl, "id"),
    });
}
