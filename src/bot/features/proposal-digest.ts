import { Composer } from "telegraf";
import type { Message } from "telegraf/types";
import { loadDigest, rememberDigestPage } from "../../db/digest-query.ts";
import { DomainError } from "../../domain/errors.ts";
import { digestPageData } from "../../messages/callback-data/digest.ts";
import { visibleText } from "../../messages/paging.ts";
import { renderDigest } from "../../messages/proposal-digest.ts";
import type { BotContext } from "../context.ts";
import { classifyFailure } from "../../delivery/failures.ts";
import { handToSender, markSentDirectly } from "../../delivery/outbox.ts";
import type { QueuedView } from "../../use-cases/proposals/index.ts";

/** ◀ ▶ on a check's digest in the HR group: the page is re-read from the database and edited in place. */
export const digestPager = new Composer<BotContext>();

/** Digests in a group are read by several people: the bot's default language, not the presser's. */
const groupLocale = (ctx: BotContext) => ctx.deps.config.DEFAULT_LOCALE;

type Target = { chatId: number | bigint; messageId: number };

async function edit(ctx: BotContext, target: Target, view: { text: string; reply_markup: unknown }) {
  await ctx.telegram.editMessageText(target.chatId.toString(), target.messageId, undefined, view.text, {
    reply_markup: view.reply_markup as never,
  });
}

/**
 * A decision's edit, already queued in the decision's transaction, made at once so the group sees the
 * decision within a round trip. Whatever Telegram answers, the queued row stays the record: marked sent
 * on success, handed to the sender (retried like every push, never lost) on failure (issue 25).
 */
export async function showQueuedView(ctx: BotContext, queued: QueuedView | null): Promise<void> {
  if (!queued) return;
  const { db, clock } = ctx.deps;
  try {
    await edit(ctx, queued, queued.view);
  } catch (error) {
    // An edit to what the message already shows is done; anything else goes to the sender.
    const failure = classifyFailure(error);
    if (failure.kind !== "not-modified") {
      ctx.deps.logger.warn(
        { err: error, outboxId: queued.outboxId },
        "decision edit failed; the sender retries it",
      );
      await handToSender(db, queued.outboxId, new Date(clock.now()), failure.text);
      return;
    }
  }
  await markSentDirectly(db, queued.outboxId, new Date(clock.now()));
}

function showsAlready(message: Message | undefined, text: string): boolean {
  return !!message && "text" in message && message.text.trim() === visibleText(text).trim();
}

digestPager.action(digestPageData.pattern, async (ctx) => {
  const press = "data" in ctx.callbackQuery ? digestPageData.unpack(ctx.callbackQuery.data) : null;
  const message = ctx.callbackQuery.message;
  if (!press || !message || !ctx.chat) {
    await ctx.answerCbQuery(ctx.t("fallback.button"));
    return;
  }
  const digest = await loadDigest(ctx.deps.db, press.digestId);
  if (!digest) throw new DomainError("digest_unknown");
  // The digest belongs to its group: a forwarded copy elsewhere pages nothing.
  if (digest.chatId !== BigInt(ctx.chat.id)) throw new DomainError("proposal_wrong_group");
  const locale = groupLocale(ctx);
  const view = renderDigest(digest, press.page, locale, ctx.deps.config.SCHEDULE_TIMEZONE);
  if (view.page !== press.page) {
    await ctx.answerCbQuery(ctx.t("paging.gone", { page: press.page, pages: view.pages }), {
      show_alert: true,
    });
    return;
  }
  const sameButtons =
    JSON.stringify(("reply_markup" in message && message.reply_markup?.inline_keyboard) || []) ===
    JSON.stringify(view.reply_markup.inline_keyboard);
  if (showsAlready(message as Message, view.text) && sameButtons) {
    await ctx.answerCbQuery(ctx.t("paging.same", { page: press.page }));
    return;
  }
  try {
    await edit(ctx, { chatId: ctx.chat.id, messageId: message.message_id }, view);
  } catch (error) {
    // Telegram refuses an edit to identical content; the screen is already right.
    if (classifyFailure(error).kind !== "not-modified") throw error;
    await ctx.answerCbQuery(ctx.t("paging.same", { page: press.page }));
    return;
  }
  // The page on screen is remembered with the press's update, so a later edit shows the same page.
  await ctx.transact((tx) => rememberDigestPage(tx, digest.id, view.page));
  await ctx.answerCbQuery(ctx.t("paging.shown", { page: view.page, pages: view.pages }));
});
