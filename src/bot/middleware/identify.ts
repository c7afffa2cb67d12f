import type { MiddlewareFn } from "telegraf";
import type { BotContext } from "../context.ts";
import { actorOf } from "../../domain/actor.ts";
import { pickLocale, translate } from "../../messages/locales/index.ts";

/** Who is writing, in which language, with which rights. */
export const identify: MiddlewareFn<BotContext> = async (ctx, next) => {
  const { db, config } = ctx.deps;
  const from = ctx.from;
  ctx.user = from
    ? await db.user.findUnique({
        where: { telegramId: BigInt(from.id) },
        include: { unit: true, agency: true, employee: true },
      })
    : null;
  ctx.isAdmin =
    ctx.user?.role === "ADMIN" || (from !== undefined && config.ADMIN_TELEGRAM_IDS.includes(BigInt(from.id)));
  ctx.actor = actorOf(ctx.user, ctx.isAdmin, from ? `telegram:${from.id}` : "");
  ctx.locale = pickLocale(ctx.user?.locale, from?.language_code, config.DEFAULT_LOCALE);
  ctx.t = (key, params) => translate(ctx.locale, key, params);
  await next();
};
