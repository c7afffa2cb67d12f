import { Composer } from "telegraf";
import type { BotContext } from "../context.ts";
import { personRole } from "../roles.ts";

export const helpFeature = new Composer<BotContext>();

helpFeature.command(["bantuan", "help"], async (ctx) => {
  await ctx.reply(ctx.t(`help.${personRole(ctx)}`));
});
