import { Composer, Markup } from "telegraf";
import { reportMenuData } from "../../messages/callback-data/report-menu.ts";
import type { BotContext } from "../context.ts";
import { classifyPress, startConversation } from "../conversations/conversation.ts";
import { requireUnitHead } from "../conversations/unit-head.ts";
import { startVacancyReport } from "./vacancy-report.ts";
import { startWorkloadReport } from "./workload-report.ts";

/** /lapor: one menu for the two reports a head makes. */
export const reportMenuFeature = new Composer<BotContext>();

const NAME = "menu";

reportMenuFeature.command(["lapor", "report"], async (ctx) => {
  requireUnitHead(ctx);
  const { nonce } = startConversation(ctx, NAME, "choose", { passive: true });
  await ctx.reply(ctx.t("report.menu"), {
    ...Markup.inlineKeyboard([
      Markup.button.callback(ctx.t("report.vacancy"), reportMenuData.pack(nonce, "vacancy")),
      Markup.button.callback(ctx.t("report.load"), reportMenuData.pack(nonce, "load")),
    ]),
  });
});

reportMenuFeature.action(reportMenuData.pattern, async (ctx) => {
  const press = "data" in ctx.callbackQuery ? reportMenuData.unpack(ctx.callbackQuery.data) : null;
  if (!press || classifyPress(ctx, NAME, press.nonce).kind !== "open") {
    await ctx.answerCbQuery(ctx.t("conversation.stale"));
    return;
  }
  requireUnitHead(ctx);
  await ctx.answerCbQuery();
  await ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
  if (press.action === "vacancy") await startVacancyReport(ctx);
  else await startWorkloadReport(ctx);
});
