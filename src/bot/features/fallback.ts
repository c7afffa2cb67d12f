import { Composer } from "telegraf";
import type { BotContext } from "../context.ts";

/** Last in the chain: stray buttons are answered (no spinning clock), unknown private text gets help. */
export const fallbackFeature = new Composer<BotContext>();

fallbackFeature.on("callback_query", async (ctx) => {
  await ctx.answerCbQuery(ctx.t("fallback.button"), { show_alert: false });
});

fallbackFeature.on("message", async (ctx) => {
  if (ctx.chat.type !== "private") return;
  await ctx.reply(ctx.t("fallback.text"));
});
