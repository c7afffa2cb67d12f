import { Telegraf } from "telegraf";
import type { BotContext, BotDeps } from "./context.ts";
import { fallbackFeature } from "./features/fallback.ts";
import { helpFeature } from "./features/help.ts";
import { inviteFeature } from "./features/invite.ts";
import { languageFeature } from "./features/language.ts";
import { startFeature } from "./features/start.ts";
import { errorBoundary } from "./middleware/error-boundary.ts";
import { identify } from "./middleware/identify.ts";
import { updateOnce } from "./middleware/update-once.ts";

export interface CreateBotOptions {
  token: string;
  apiRoot?: string;
}

/** Builds the bot; nothing connects until the caller launches it or feeds it updates. */
export function createBot(deps: BotDeps, options: CreateBotOptions): Telegraf<BotContext> {
  const bot = new Telegraf<BotContext>(options.token, {
    telegram: options.apiRoot ? { apiRoot: options.apiRoot } : {},
    handlerTimeout: 60_000,
  });
  bot.context.deps = deps;
  // telegraf builds a fresh Telegram client per update; sharing ours means every call, replies
  // included, goes through the one client that delivery/ rate-limits (and tests record).
  Object.assign(bot.context, { telegram: bot.telegram });

  bot.use(async (ctx, next) => {
    ctx.deps = deps;
    await next();
  });
  bot.use(errorBoundary);
  bot.use(updateOnce);
  bot.use(identify);

  bot.use(startFeature);
  bot.use(helpFeature);
  bot.use(languageFeature);
  bot.use(inviteFeature);

  bot.use(fallbackFeature);

  bot.catch((error, ctx) => {
    deps.logger.error({ err: error, updateId: ctx.update.update_id }, "unhandled error outside the boundary");
  });
  return bot;
}
