import type { MiddlewareFn } from "telegraf";
import { DomainError } from "../../domain/errors.ts";
import type { BotContext } from "../context.ts";
import { isTextKey, translate } from "../../messages/locales/index.ts";
import { AlreadyProcessedError } from "./update-once.ts";
import { isRefusal, refusedMethod } from "../telegram-refusal.ts";

/** First in the chain: people get an answer they can act on, never silence or a spinning button. */
export const errorBoundary: MiddlewareFn<BotContext> = async (ctx, next) => {
  try {
    await next();
  } catch (error) {
    await answerFailure(ctx, error);
  }
};

/**
 * What a person hears when their update failed: the text of a refusal they can act on, an apology for
 * a bug of ours (logged). Also for work that went on beside the update loop (bot/beside-updates.ts).
 */
export async function answerFailure(ctx: BotContext, error: unknown): Promise<void> {
  if (error instanceof AlreadyProcessedError) return;
  const locale = ctx.locale ?? ctx.deps.config.DEFAULT_LOCALE;
  if (error instanceof DomainError) {
    const key = `errors.${error.code}`;
    const text = isTextKey(key) ? translate(locale, key, error.params) : translate(locale, "error.internal");
    await answer(ctx, text, true);
    return;
  }
  if (isRefusal(error)) {
    // Telegram refused what we sent (bad HTML, too long, a stale edit): a bug of ours, logged with
    // the call; the apology is plain text so it cannot be refused for the same reason.
    ctx.deps.logger.error(
      { err: error, method: refusedMethod(error), description: error.description },
      "Telegram refused a reply",
    );
    await answerPlain(ctx, translate(locale, "error.reply_refused")).catch((err: unknown) =>
      ctx.deps.logger.error({ err }, "the apology was refused too"),
    );
    return;
  }
  // The logger is the update's child: it already carries updateId and chat.
  ctx.deps.logger.error({ err: error }, "update failed");
  await answer(ctx, translate(locale, "error.internal"), false).catch(() => undefined);
}

async function answer(ctx: BotContext, text: string, alert: boolean): Promise<void> {
  if (ctx.callbackQuery) {
    await ctx.answerCbQuery(alertText(text), { show_alert: alert });
    return;
  }
  if (ctx.chat) await ctx.reply(text);
}

async function answerPlain(ctx: BotContext, text: string): Promise<void> {
  if (ctx.callbackQuery) {
    await ctx.answerCbQuery(alertText(text), { show_alert: true });
    return;
  }
  // Plain text: the HTML that Telegram refused must not be able to refuse the apology too.
  if (ctx.chat) await ctx.reply(text, { parse_mode: undefined });
}

/** Alerts are plain text and at most 200 characters: tags dropped, entities read back. */
function alertText(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&amp;", "&")
    .slice(0, 200);
}
