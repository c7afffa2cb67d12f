import { Composer } from "telegraf";
import { viewScope } from "../../domain/actor.ts";
import type { BotContext } from "../context.ts";

/**
 * /peta: the Mini App (issue 27) for admins, HR approvers and unit heads. In a private chat a
 * web_app button opens it; Telegram allows those in private chats only, so a group gets the Mini
 * App's direct link when WEB_APP_NAME is set, or is told to ask in private. Without WEB_APP_URL
 * the bot says how to turn the page on.
 */
export const mapFeature = new Composer<BotContext>();

mapFeature.command(["peta", "map"], async (ctx) => {
  const { WEB_APP_URL: url, WEB_APP_NAME: name } = ctx.deps.config;
  // The same refusal as the page's own 403, before any button is shown.
  viewScope(ctx.actor);
  if (!url) {
    await ctx.reply(ctx.t("map.off"));
    return;
  }
  if (ctx.chat?.type === "private") {
    await ctx.reply(ctx.t("map.open"), {
      reply_markup: {
        inline_keyboard: [
          [{ text: ctx.t("map.button"), web_app: { url: `${url.replace(/\/$/, "")}/app/` } }],
        ],
      },
    });
    return;
  }
  const bot = ctx.botInfo.username;
  if (!name) {
    await ctx.reply(ctx.t("map.group", { bot }));
    return;
  }
  await ctx.reply(ctx.t("map.open"), {
    reply_markup: {
      inline_keyboard: [[{ text: ctx.t("map.button"), url: `https://t.me/${bot}/${name}?startapp=peta` }]],
    },
  });
});
