import { Composer, Markup } from "telegraf";
import { DONE_STEP, isPassive, type ConversationState } from "../../domain/conversation-state.ts";
import { DomainError } from "../../domain/errors.ts";
import type { BotContext, DbTx } from "../context.ts";
import { AlreadyProcessedError } from "../middleware/update-once.ts";
import {
  advance,
  classifyPress,
  endConversation,
  finishConversation,
  isCommand,
  openConversation,
  startConversation,
  touch,
} from "./conversation.ts";
import type { Button, ConversationSpec, Outcome, Retry, Said, Say, Turn } from "./steps.ts";

const memos = new WeakMap<BotContext, Map<string, Promise<unknown>>>();

function turnOf<D extends Record<string, unknown>, A extends string, I>(
  ctx: BotContext,
  spec: ConversationSpec<D, A, I>,
  state: ConversationState,
): Turn<D, I> {
  const memo = memos.get(ctx) ?? new Map<string, Promise<unknown>>();
  memos.set(ctx, memo);
  return {
    ctx,
    who: spec.identify(ctx),
    unit: ctx.user?.unit?.name ?? "",
    data: spec.data.parse(state.data),
    once<T>(key: string, load: () => Promise<T>): Promise<T> {
      if (!memo.has(key)) memo.set(key, load());
      return memo.get(key) as Promise<T>;
    },
  };
}

async function say(ctx: BotContext, [key, params]: Say, extra: object = {}): Promise<void> {
  await ctx.reply(ctx.t(key, params), { ...extra });
}

/** In a group: in reply to the message that led here, opening the reply field of this person only. */
function groupReply(ctx: BotContext): object {
  const replyTo = ctx.message?.message_id ?? ctx.callbackQuery?.message?.message_id;
  return {
    ...(replyTo ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
    reply_markup: { force_reply: true, selective: true },
  };
}

async function ask<D extends Record<string, unknown>, A extends string, I>(
  ctx: BotContext,
  spec: ConversationSpec<D, A, I>,
  state: ConversationState,
): Promise<void> {
  const prompt = await spec.steps[state.step]?.prompt?.(turnOf(ctx, spec, state));
  if (!prompt) return;
  if (spec.group) return say(ctx, prompt.say, groupReply(ctx));
  const { buttons } = spec;
  const pack = (b: Button<A>) => buttons?.pack(state.nonce, b.action, b.value ?? "") ?? "";
  const rows = prompt.buttons?.map((row) => row.map((b) => Markup.button.callback(b.label, pack(b))));
  await say(ctx, prompt.say, rows ? Markup.inlineKeyboard(rows) : {});
}

function move(ctx: BotContext, state: ConversationState, to: string | null, patch: object = {}) {
  if (to === null) endConversation(ctx);
  else if (to === DONE_STEP) finishConversation(ctx, state);
  else return advance(ctx, state, to, { ...patch });
  return null;
}

async function apply<D extends Record<string, unknown>, A extends string, I>(
  ctx: BotContext,
  spec: ConversationSpec<D, A, I>,
  state: ConversationState,
  outcome: Outcome<D>,
  pressed: boolean,
): Promise<void> {
  if ("retry" in outcome) {
    if (pressed) await ctx.answerCbQuery();
    touch(ctx, state);
    // In a group the wrong answer's message is the question again (one message, not two).
    if (spec.group) return say(ctx, outcome.retry, groupReply(ctx));
    await say(ctx, outcome.retry);
    return ask(ctx, spec, state);
  }
  const { effect } = outcome;
  let next: ConversationState | null;
  let said: Said | undefined = outcome.say;
  if (effect) {
    try {
      [next, said] = await ctx.transact(async (tx) => {
        const text = await effect(tx);
        return [move(ctx, state, outcome.to, outcome.patch), text] as const;
      });
    } catch (error) {
      if (spec.group && error instanceof DomainError) {
        // The answer can no longer be recorded (someone decided first): stop waiting, then say why.
        endConversation(ctx);
        await ctx.transact(async () => undefined);
        throw error;
      }
      // Two presses at once: the other one saved the report and moved the session on first.
      if (!(error instanceof AlreadyProcessedError) || !pressed || !spec.sent) throw error;
      await ctx.answerCbQuery(ctx.t(spec.sent.already));
      return;
    }
  } else next = move(ctx, state, outcome.to, outcome.patch);
  if (pressed) {
    await ctx.answerCbQuery(outcome.toast ? ctx.t(outcome.toast) : undefined);
    // The keyboard is answered: take it away so an old question is not pressed again.
    if (!spec.keepKeyboards) await ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
  }
  if (typeof said === "function") await said();
  else if (said) await say(ctx, said);
  if (next) await ask(ctx, spec, next);
}

/** Starts the conversation at its first step (earlier buttons go stale) and asks the question. */
export async function beginConversation<D extends Record<string, unknown>, A extends string, I>(
  ctx: BotContext,
  spec: ConversationSpec<D, A, I>,
  data: D,
): Promise<void> {
  await ask(ctx, spec, startConversation(ctx, spec.name, spec.first, data));
}

/**
 * Starts the conversation with the answers `check` reads in a transaction that also records the
 * start, then asks: the rights are checked before anything is asked, and the wait is committed
 * before the question goes out (webhook updates come concurrently, and an answer typed at once
 * must find it).
 */
export async function beginCheckedConversation<D extends Record<string, unknown>, A extends string, I>(
  ctx: BotContext,
  spec: ConversationSpec<D, A, I>,
  check: (tx: DbTx) => Promise<D>,
): Promise<D> {
  const state = await ctx.transact(async (tx) =>
    startConversation(ctx, spec.name, spec.first, await check(tx)),
  );
  await ask(ctx, spec, state);
  return spec.data.parse(state.data);
}

/**
 * The handlers of one conversation: typed answers, files and button presses, each routed to the
 * open step. A press from an earlier conversation or question is stale; a command is never an answer.
 */
export function conversationHandlers<D extends Record<string, unknown>, A extends string, I>(
  spec: ConversationSpec<D, A, I>,
): Composer<BotContext> {
  const handlers = new Composer<BotContext>();
  const fallback = (retry: Say): Retry => ({ retry });

  const { group } = spec;
  if (group) {
    // What stays undecided is named (the private chats' /batal says only that nothing was saved).
    handlers.command(["batal", "cancel"], async (ctx, next) => {
      const state = openConversation(ctx, spec.name);
      if (!state) return next();
      endConversation(ctx);
      await say(ctx, group.cancelled(turnOf(ctx, spec, state)));
    });
  }

  handlers.on("text", async (ctx, next) => {
    const state = openConversation(ctx, spec.name);
    if (!state || isPassive(state) || isCommand(ctx)) return next();
    const turn = turnOf(ctx, spec, state);
    const text = spec.steps[state.step]?.text;
    const outcome = text ? await text(turn, ctx.message.text) : fallback(["conversation.use_buttons"]);
    await apply(ctx, spec, state, outcome, false);
  });

  if (Object.values(spec.steps).some((step) => step.document)) {
    handlers.on("document", async (ctx, next) => {
      const state = openConversation(ctx, spec.name);
      if (!state || isPassive(state)) return next();
      const turn = turnOf(ctx, spec, state);
      const document = spec.steps[state.step]?.document;
      const outcome = document
        ? await document(turn, ctx.message.document)
        : fallback(["conversation.use_text"]);
      await apply(ctx, spec, state, outcome, false);
    });
  }

  const { buttons } = spec;
  if (!buttons) return handlers;
  handlers.action(buttons.pattern, async (ctx) => {
    const press = "data" in ctx.callbackQuery ? buttons.unpack(ctx.callbackQuery.data) : null;
    const found = press ? classifyPress(ctx, spec.name, press.nonce) : null;
    if (press && found?.kind === "done" && press.action === spec.sent?.action) {
      await ctx.answerCbQuery(ctx.t(spec.sent.already));
      return;
    }
    const step = found?.kind === "open" ? spec.steps[found.state.step] : undefined;
    const handler = press ? step?.actions?.[press.action] : undefined;
    if (!press || !step || !handler || found?.kind !== "open") {
      await ctx.answerCbQuery(ctx.t("conversation.stale"));
      return;
    }
    const turn = turnOf(ctx, spec, found.state);
    await apply(ctx, spec, found.state, await handler(turn, press.value), true);
  });

  return handlers;
}
