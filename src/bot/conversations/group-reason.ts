import { Composer } from "telegraf";
import { message } from "telegraf/filters";
import { DomainError } from "../../domain/errors.ts";
import { escapeHtml, Html } from "../../messages/locales/index.ts";
import type { BotContext, DbTx } from "../context.ts";

/**
 * A reason asked in the HR group after a button (Tolak on a proposal, Tolak on a response): the
 * presser's next text in that group is the answer. One mechanism for both: the wait is committed
 * before the question goes out (webhook updates come concurrently, issue 25), a wrong answer is asked
 * again, /batal stops waiting, and a reason that can no longer be recorded (someone decided first)
 * ends the wait before the refusal is said.
 */
export interface GroupReason {
  /** What the session waits for (session.awaiting.kind). */
  kind: string;
  max: number;
  /** The question asked again: the reason is empty, or too long. */
  empty: (ctx: BotContext) => string;
  tooLong: (ctx: BotContext, length: number) => string;
  /** What /batal says about the thing that stays undecided. */
  cancelled: (ctx: BotContext, refId: number) => Promise<string>;
  /** Records the reason; runs after the wait has ended in the same transaction as the record. */
  answer: (
    ctx: BotContext & { message: { message_id: number } },
    refId: number,
    reason: string,
  ) => Promise<void>;
}

/** The presser, named so that a selective force_reply opens the reply field for them only. */
export function mention(ctx: BotContext): Html {
  const name = ctx.user?.name ?? ctx.from?.first_name ?? "";
  return new Html(`<a href="tg://user?id=${ctx.from?.id ?? 0}">${escapeHtml(name)}</a>`);
}

/**
 * After a button: `check` the presser's rights in a transaction that also records the wait, then ask
 * (`question` of what was checked) in reply to the pressed card.
 */
export async function askForReason<T>(
  ctx: BotContext,
  reason: GroupReason,
  input: {
    check: (tx: DbTx) => Promise<T>;
    refId: (checked: T) => number;
    question: (checked: T) => string;
    replyTo: number;
  },
): Promise<T> {
  const checked = await ctx.transact(async (tx) => {
    const checked = await input.check(tx);
    ctx.session.awaiting = { kind: reason.kind, refId: input.refId(checked) };
    return checked;
  });
  await prompt(ctx, reason, input.refId(checked), input.question(checked), input.replyTo);
  return checked;
}

async function prompt(ctx: BotContext, reason: GroupReason, refId: number, text: string, replyTo: number) {
  const sent = await ctx.reply(text, {
    reply_parameters: { message_id: replyTo, allow_sending_without_reply: true },
    reply_markup: { force_reply: true, selective: true },
  });
  ctx.session.awaiting = { kind: reason.kind, refId, promptMessageId: sent.message_id };
}

/** /batal and the presser's next text, for one kind of reason. */
export function groupReasonHandlers(reason: GroupReason): Composer<BotContext> {
  const handlers = new Composer<BotContext>();

  handlers.command(["batal", "cancel"], async (ctx, next) => {
    const awaiting = ctx.session.awaiting;
    if (awaiting?.kind !== reason.kind) return next();
    ctx.session.awaiting = null;
    await ctx.reply(await reason.cancelled(ctx, awaiting.refId));
  });

  handlers.on(message("text"), async (ctx, next) => {
    const awaiting = ctx.session.awaiting;
    if (awaiting?.kind !== reason.kind || ctx.message.text.startsWith("/")) return next();
    const text = ctx.message.text.trim();
    const again = (question: string) => prompt(ctx, reason, awaiting.refId, question, ctx.message.message_id);
    if (text.length === 0) return again(reason.empty(ctx));
    if (text.length > reason.max) return again(reason.tooLong(ctx, text.length));
    ctx.session.awaiting = null;
    try {
      await reason.answer(ctx, awaiting.refId, text);
    } catch (error) {
      // The reason did not land (someone decided first, the card expired): stop waiting anyway.
      if (error instanceof DomainError) await ctx.transact(async () => undefined);
      throw error;
    }
  });

  return handlers;
}
