import { Composer, Markup } from "telegraf";
import { queueCommandMenuOf, setUserLocale } from "../../use-cases/accounts/index.ts";
import { languageData } from "../../messages/callback-data/language.ts";
import type { BotContext } from "../context.ts";
import { translate } from "../../messages/locales/index.ts";

export const languageFeature = new Composer<BotContext>();

languageFeature.command(["bahasa", "language"], async (ctx) => {
  await ctx.reply(
    ctx.t("language.choose"),
    Markup.inlineKeyboard([
      Markup.button.callback("🇮🇩 Bahasa Indonesia", languageData.pack("id")),
      Markup.button.callback("🇬🇧 English", languageData.pack("en")),
    ]),
  );
});

languageFeature.action(languageData.pattern, async (ctx) => {
  const locale = "data" in ctx.callbackQuery ? languageData.unpack(ctx.callbackQuery.data) : null;
  if (!locale) {
    await ctx.answerCbQuery(ctx.t("fallback.button"));
    return;
  }
  const from = ctx.from;
  await ctx.transact(async (tx) => {
    await setUserLocale(tx, {
      telegramId: from.id,
      name: [from.first_name, from.last_name].filter(Boolean).join(" "),
      locale,
    });
    // The menu follows the language.
    await queueCommandMenuOf(tx, from.id, ctx.deps.config);
  });
  ctx.locale = locale;
  await ctx.answerCbQuery();
  await ctx.editMessageText(translate(locale, "language.set"));
});
