import { Composer, Markup } from "telegraf";
import type { InlineKeyboardButton, Message } from "telegraf/types";
import { pageData, type ListKind } from "../messages/callback-data/page.ts";
import { pageAt, visibleText } from "../messages/paging.ts";
import type { BotContext } from "./context.ts";
import { classifyFailure } from "../delivery/failures.ts";

/** A list as it stands now: its rendered pages, and per page any buttons of its own entries. */
export interface ListView {
  pages: string[];
  rows?: (page: number) => InlineKeyboardButton[][];
}

/** Builds the list for whoever pressed or typed: re-checks their right (a DomainError refuses) and re-queries. */
export type ListRenderer = (ctx: BotContext) => Promise<ListView>;

/** ◀ Halaman 2/3 ▶ under a list of more than one page; the middle button shows the page again, refreshed. */
export function pageRow(
  ctx: BotContext,
  kind: ListKind,
  page: number,
  pages: number,
): InlineKeyboardButton[] {
  if (pages <= 1) return [];
  const row: InlineKeyboardButton[] = [];
  if (page > 1) row.push(Markup.button.callback(ctx.t("paging.previous"), pageData.pack(kind, page - 1)));
  row.push(Markup.button.callback(ctx.t("paging.indicator", { page, pages }), pageData.pack(kind, page)));
  if (page < pages) row.push(Markup.button.callback(ctx.t("paging.next"), pageData.pack(kind, page + 1)));
  return row;
}

function keyboard(ctx: BotContext, kind: ListKind, view: ListView, page: number): InlineKeyboardButton[][] {
  const row = pageRow(ctx, kind, page, view.pages.length);
  return [...(view.rows?.(page) ?? []), ...(row.length ? [row] : [])];
}

const extra = { link_preview_options: { is_disabled: true } };

/** Sends the first page of a list, with its buttons. */
export async function replyList(ctx: BotContext, kind: ListKind, view: ListView): Promise<void> {
  const buttons = keyboard(ctx, kind, view, 1);
  await ctx.reply(view.pages[0] ?? "", {
    ...extra,
    ...(buttons.length ? Markup.inlineKeyboard(buttons) : {}),
  });
}

/** Buttons as Telegram hands them back: label and data only (telegraf's own fields are not echoed). */
function buttonsKey(rows: InlineKeyboardButton[][] | undefined): string {
  return JSON.stringify(
    (rows ?? []).map((row) => row.map((b) => [b.text, "callback_data" in b ? b.callback_data : ""])),
  );
}

/** Whether the message on screen already shows exactly this text and these buttons. */
function showsAlready(
  message: Message | undefined,
  text: string,
  buttons: InlineKeyboardButton[][],
): boolean {
  if (!message || !("text" in message)) return false;
  const markup = "reply_markup" in message ? message.reply_markup?.inline_keyboard : undefined;
  // Telegram trims the text it stores, so the comparison does too.
  return message.text.trim() === visibleText(text).trim() && buttonsKey(markup) === buttonsKey(buttons);
}

/**
 * The ◀ ▶ presses of one list kind: the page is rendered from the database as it is now and the
 * same message is edited. A page past the end, or the page already on screen, gets an answer only.
 */
export function listPager(kind: ListKind, render: ListRenderer): Composer<BotContext> {
  const pager = new Composer<BotContext>();
  pager.action(pageData.patternFor(kind), async (ctx) => {
    const press = "data" in ctx.callbackQuery ? pageData.unpack(ctx.callbackQuery.data) : null;
    if (!press) {
      await ctx.answerCbQuery(ctx.t("fallback.button"));
      return;
    }
    const view = await render(ctx);
    const text = pageAt(view.pages, press.page);
    if (text === null) {
      await ctx.answerCbQuery(ctx.t("paging.gone", { page: press.page, pages: view.pages.length }), {
        show_alert: true,
      });
      return;
    }
    const buttons = keyboard(ctx, kind, view, press.page);
    if (showsAlready(ctx.callbackQuery.message as Message | undefined, text, buttons)) {
      await ctx.answerCbQuery(ctx.t("paging.same", { page: press.page }));
      return;
    }
    try {
      await ctx.editMessageText(text, { ...extra, ...Markup.inlineKeyboard(buttons) });
    } catch (error) {
      // Telegram refuses an edit to identical content; the screen is already right.
      if (classifyFailure(error).kind !== "not-modified") throw error;
      await ctx.answerCbQuery(ctx.t("paging.same", { page: press.page }));
      return;
    }
    await ctx.answerCbQuery(ctx.t("paging.shown", { page: press.page, pages: view.pages.length }));
  });
  return pager;
}
