import { escapeHtml, Html } from "../../messages/locales/index.ts";
import type { BotContext } from "../context.ts";

/**
 * The presser, named in a question asked in a group (a ConversationSpec with `group`), so that the
 * selective force_reply opens the reply field for them only.
 */
export function mention(ctx: BotContext): Html {
  const name = ctx.user?.name ?? ctx.from?.first_name ?? "";
  return new Html(`<a href="tg://user?id=${ctx.from?.id ?? 0}">${escapeHtml(name)}</a>`);
}
