import { Composer, Markup } from "telegraf";
import type { Document } from "telegraf/types";
import type { z } from "zod";
import { DONE_STEP, isPassive, type ConversationState } from "../../domain/conversation-state.ts";
import { readAnswer, type Answer } from "../../domain/report-answers.ts";
import type { ConversationButtons } from "../../messages/callback-data/conversation-button.ts";
import type { TextKey, TextParams } from "../../messages/locales/index.ts";
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
import { requireUnitHead, type HeadIdentity } from "./unit-head.ts";

/** A text to send: its locale key and parameters. */
export type Say = readonly [TextKey, TextParams?];

/** What a step's handlers see: the person, the answers so far (typed by the conversation's schema). */
export interface Turn<D> {
  ctx: BotContext;
  head: HeadIdentity;
  /** The head's unit name, as most questions show it. */
  unit: string;
  data: D;
  /** Runs `load` once per update, however many steps of that update need the same rows. */
  once<T>(key: string, load: () => Promise<T>): Promise<T>;
}

/**
 * Where an answer leads: the next step (null ends the conversation, DONE_STEP marks it sent) with
 * the answers merged in. An effect runs in the update's transaction together with the move, so
 * the saved report and the session change commit or fail as one.
 */
export interface Move<D> {
  to: string | null;
  patch?: Partial<D>;
  say?: Say;
  /** The short answer to the pressed button. */
  toast?: TextKey;
  effect?: (tx: DbTx) => Promise<Say>;
}

/** A wrong answer: this message, then the same question again. */
export interface Retry {
  retry: Say;
}

export type Outcome<D> = Move<D> | Retry;
type Handler<D, V> = (turn: Turn<D>, value: V) => Outcome<D> | Promise<Outcome<D>>;

export interface Button<A extends string> {
  label: string;
  action: A;
  value?: string | number;
}

export interface Prompt<A extends string> {
  say: Say;
  buttons?: Button<A>[][];
}

export interface Step<D, A extends string> {
  /** The question; a step without one (a list on screen) waits silently for its buttons. */
  prompt?: (turn: Turn<D>) => Prompt<A> | Promise<Prompt<A>>;
  text?: Handler<D, string>;
  document?: Handler<D, Document>;
  /** The buttons this step accepts, each given the button's value. */
  actions?: Partial<Record<A, Handler<D, string>>>;
}

export interface ConversationSpec<D extends Record<string, unknown>, A extends string> {
  name: string;
  data: z.ZodType<D>;
  buttons: ConversationButtons<A>;
  first: string;
  steps: Record<string, Step<D, A>>;
  /** The button that sends the report, and what a second press of it is told. */
  sent?: { action: A; already: TextKey };
  /** A list whose buttons stay usable after a press (otherwise an answered keyboard is taken away). */
  keepKeyboards?: boolean;
  /** Who may hold it and as whom (default: a unit head in private chat, for their unit). */
  identify?: (ctx: BotContext) => HeadIdentity;
}

/** Buttons `perRow` to a row. */
export function inRows<B>(perRow: number, buttons: B[]): B[][] {
  const rows: B[][] = [];
  for (let i = 0; i < buttons.length; i += perRow) rows.push(buttons.slice(i, i + perRow));
  return rows;
}

/** Buttons labelled from the locale ([key, action, value?] each), `perRow` to a row (all in one). */
export function labelled<A extends string>(
  ctx: BotContext,
  buttons: ReadonlyArray<readonly [TextKey, A, (string | number)?]>,
  perRow = buttons.length,
): Button<A>[][] {
  return inRows(
    perRow,
    buttons.map(([key, action, value]) => ({ label: ctx.t(key), action, value })),
  );
}

export const cancelled: Move<never> = { to: null, say: ["conversation.cancelled"] };

/**
 * A typed answer checked by its schema, then `next`; a wrong one is told "<problems>.<problem>"
 * (e.g. vacancy.count.too_large), a text for every problem the schema can name.
 */
export function answer<D, T, P extends string, K extends string>(
  expected: Answer<T, P> | ((turn: Turn<D>) => Answer<T, P>),
  problems: `${K}.${P}` extends TextKey ? K : never,
  params: (text: string) => TextParams,
  next: Handler<D, T>,
): Handler<D, string> {
  return (turn, text) => {
    const parsed = readAnswer(typeof expected === "function" ? expected(turn) : expected, text);
    if (parsed.ok) return next(turn, parsed.value);
    // The parameter's type has checked that every such key exists.
    return { retry: [`${problems}.${parsed.problem}` as TextKey, params(text)] };
  };
}

const memos = new WeakMap<BotContext, Map<string, Promise<unknown>>>();

function turnOf<D extends Record<string, unknown>, A extends string>(
  ctx: BotContext,
  spec: ConversationSpec<D, A>,
  state: ConversationState,
): Turn<D> {
  const head = (spec.identify ?? requireUnitHead)(ctx);
  const memo = memos.get(ctx) ?? new Map<string, Promise<unknown>>();
  memos.set(ctx, memo);
  return {
    ctx,
    head,
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

async function ask<D extends Record<string, unknown>, A extends string>(
  ctx: BotContext,
  spec: ConversationSpec<D, A>,
  state: ConversationState,
): Promise<void> {
  const prompt = await spec.steps[state.step]?.prompt?.(turnOf(ctx, spec, state));
  if (!prompt) return;
  const pack = (b: Button<A>) => spec.buttons.pack(state.nonce, b.action, b.value ?? "");
  const rows = prompt.buttons?.map((row) => row.map((b) => Markup.button.callback(b.label, pack(b))));
  await say(ctx, prompt.say, rows ? Markup.inlineKeyboard(rows) : {});
}

function move(ctx: BotContext, state: ConversationState, to: string | null, patch: object = {}) {
  if (to === null) endConversation(ctx);
  else if (to === DONE_STEP) finishConversation(ctx, state);
  else return advance(ctx, state, to, { ...patch });
  return null;
}

async function apply<D extends Record<string, unknown>, A extends string>(
  ctx: BotContext,
  spec: ConversationSpec<D, A>,
  state: ConversationState,
  outcome: Outcome<D>,
  pressed: boolean,
): Promise<void> {
  if ("retry" in outcome) {
    if (pressed) await ctx.answerCbQuery();
    touch(ctx, state);
    await say(ctx, outcome.retry);
    return ask(ctx, spec, state);
  }
  const { effect } = outcome;
  let next: ConversationState | null;
  let said = outcome.say;
  if (effect) {
    try {
      [next, said] = await ctx.transact(async (tx) => {
        const text = await effect(tx);
        return [move(ctx, state, outcome.to, outcome.patch), text] as const;
      });
    } catch (error) {
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
  if (said) await say(ctx, said);
  if (next) await ask(ctx, spec, next);
}

/** Starts the conversation at its first step (earlier buttons go stale) and asks the question. */
export async function beginConversation<D extends Record<string, unknown>, A extends string>(
  ctx: BotContext,
  spec: ConversationSpec<D, A>,
  data: D,
): Promise<void> {
  await ask(ctx, spec, startConversation(ctx, spec.name, spec.first, data));
}

/**
 * The handlers of one conversation: typed answers, files and button presses, each routed to the
 * open step. A press from an earlier conversation or question is stale; a command is never an answer.
 */
export function conversationHandlers<D extends Record<string, unknown>, A extends string>(
  spec: ConversationSpec<D, A>,
): Composer<BotContext> {
  const handlers = new Composer<BotContext>();
  const fallback = (retry: Say): Retry => ({ retry });

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

  handlers.action(spec.buttons.pattern, async (ctx) => {
    const press = "data" in ctx.callbackQuery ? spec.buttons.unpack(ctx.callbackQuery.data) : null;
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
