import { Composer } from "telegraf";
import type { Message } from "telegraf/types";
import { digestAt, loadDigest } from "../../db/digest-query.ts";
import { DomainError } from "../../domain/errors.ts";
import { digestPageData } from "../../messages/callback-data/digest.ts";
import { visibleText } from "../../messages/paging.ts";
import { digestPageOf, renderDigest } from "../../messages/proposal-digest.ts";
import type { BotContext } from "../context.ts";
import { enqueueEdit, PRIORITY } from "../../delivery/outbox.ts";

/** ◀ ▶ on a check's digest in the HR group: the page is re-read from the database and edited in place. */
export const digestPager = new Composer<BotContext>();

/** Digests in a group are read by several people: the bot's default language, not the presser's. */
const groupLocale = (ctx: BotContext) => ctx.deps.config.DEFAULT_LOCALE;

type Target = { chatId: number | bigint; messageId: number };

async function edit(ctx: BotContext, target: Target, view: { text: string; reply_markup: unknown }) {
  await ctx.telegram.editMessageText(target.chatId.toString(), target.messageId, undefined, view.text, {
    parse_mode: "HTML",
    reply_markup: view.reply_markup as never,
  });
}

/**
 * A decision's card or digest edit that Telegram refused or failed (a 500, a timeout) goes through the
 * outbox instead: retried like every push, never lost, so the group always sees the decision (issue 25).
 */
export async function editOrQueue(
  ctx: BotContext,
  target: Target,
  view: { text: string; reply_markup: unknown },
  dedupeKey: string,
): Promise<void> {
  try {
    await edit(ctx, target, view);
  } catch (error) {
    if (String((error as Error).message).includes("message is not modified")) return;
    ctx.deps.logger.warn({ err: error, dedupeKey }, "card edit failed; queued through the outbox");
    await enqueueEdit(ctx.deps.db, {
      dedupeKey,
      chatId: target.chatId,
      messageId: target.messageId,
      view,
      priority: PRIORITY.interactive,
    });
  }
}

/**
 * After a decision: when the message showing the proposal is its check's digest, that digest is
 * edited at the page holding the proposal (re-read, so every other proposal's state is current too).
 * Returns false when the message is a card of its own, for the caller to edit as a card.
 */
export async function showDecisionInDigest(
  ctx: BotContext,
  proposal: { id: number; runId: number | null; agencyId: number; version: number },
  target: Target,
): Promise<boolean> {
  const { db, config } = ctx.deps;
  const digestId = await digestAt(db, {
    ...proposal,
    chatId: BigInt(target.chatId),
    messageId: target.messageId,
  });
  if (digestId === null) return false;
  const digest = await loadDigest(db, digestId);
  if (!digest) return false;
  const timeZone = config.SCHEDULE_TIMEZONE;
  const page = digestPageOf(digest, proposal.id, groupLocale(ctx), timeZone);
  const view = renderDigest(digest, page, groupLocale(ctx), timeZone);
  // A failed edit must not hide a decision that is already recorded: it is queued and retried.
  await editOrQueue(ctx, target, view, `digest:${digestId}:proposal:${proposal.id}:v${proposal.version}`);
  await db.proposalDigest.update({ where: { id: digestId }, data: { page: view.page } });
  return true;
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
    if (!String((error as Error).message).includes("message is not modified")) throw error;
    await ctx.answerCbQuery(ctx.t("paging.same", { page: press.page }));
    return;
  }
  await ctx.deps.db.proposalDigest.update({ where: { id: digest.id }, data: { page: view.page } });
  await ctx.answerCbQuery(ctx.t("paging.shown", { page: view.page, pages: view.pages }));
});
