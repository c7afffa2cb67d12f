import type { MiddlewareFn } from "telegraf";
import { DomainError } from "../../domain/errors.ts";
import type { BotContext } from "../context.ts";
import { isTextKey, translate } from "../../messages/locales/index.ts";
import { AlreadyProcessedError } from "./update-once.ts";

/** First in the chain: people get an answer they can act on, never silence or a spinning button. */
export const errorBoundary: MiddlewareFn<BotContext> = async (ctx, next) => {
  try {
    await next();
  } catch (error) {
    if (error instanceof AlreadyProcessedError) return;
    if (error instanceof DomainError) {
      const key = `errors.${error.code}`;
      const locale = ctx.locale ?? ctx.deps.config.DEFAULT_LOCALE;
      const text = isTextKey(key)
        ? translate(locale, key, error.params)
        : translate(locale, "error.internal");
      await answer(ctx, text, true);
      return;
    }
    // The logger is the update's child: it already carries updateId and chat.
    ctx.deps.logger.error({ err: error }, "update failed");
    await answer(ctx, translate(ctx.locale ?? ctx.deps.config.DEFAULT_LOCALE, "error.internal"), false).catch(
      () => undefined,
    );
  }
};

async function answer(ctx: BotContext, text: string, alert: boolean): Promise<void> {
  if (ctx.callbackQuery) {
    // Alerts are plain text and at most 200 characters.
    await ctx.answerCbQuery(text.replace(/<[^>]+>/g, "").slice(0, 200), { show_alert: alert });
    return;
  }
  if (ctx.chat) await ctx.reply(text, { parse_mode: "HTML" });
}
