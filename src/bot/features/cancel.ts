import { Composer } from "telegraf";
import type { BotContext } from "../context.ts";
import { endConversation, isOpen, isPassive } from "../conversations/conversation.ts";

/** /batal leaves any conversation; nothing it collected is saved. (A question asked in a group says what stays undecided: engine.ts.) */
export const cancelFeature = new Composer<BotContext>();

cancelFeature.command(["batal", "cancel"], async (ctx) => {
  const state = ctx.session.conversation;
  const answering = isOpen(state) && !isPassive(state);
  if (isOpen(state)) endConversation(ctx);
  await ctx.reply(ctx.t(answering ? "conversation.cancelled" : "conversation.nothing_to_cancel"));
});
