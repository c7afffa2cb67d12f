import type { Document } from "telegraf/types";
import type { z } from "zod";
import { readAnswer, type Answer } from "../../domain/report-answers.ts";
import type { ConversationButtons } from "../../messages/callback-data/conversation-button.ts";
import type { TextKey, TextParams } from "../../messages/locales/index.ts";
import type { BotContext, DbTx } from "../context.ts";
import type { HeadIdentity } from "./unit-head.ts";

/*
 * The vocabulary of a conversation as a step table: what each step asks, which answers it takes and
 * where they lead. engine.ts runs the tables.
 */
/** A text to send: its locale key and parameters. */
export type Say = readonly [TextKey, TextParams?];

/** What a step's handlers see: the person, the answers so far (typed by the conversation's schema). */
export interface Turn<D, I = HeadIdentity> {
  ctx: BotContext;
  /** Who holds the conversation, as the spec's `identify` resolved them. */
  who: I;
  /** The head's unit name, as most questions show it. */
  unit: string;
  data: D;
  /** Runs `load` once per update, however many steps of that update need the same rows. */
  once<T>(key: string, load: () => Promise<T>): Promise<T>;
}

/**
 * What an effect has to say once its transaction committed: a text, or a function that says it
 * itself (a reply with buttons, an edit queued in the transaction and made now).
 */
export type Said = Say | (() => Promise<void>);

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
  effect?: (tx: DbTx) => Promise<Said>;
}

/** A wrong answer: this message, then the same question again. */
export interface Retry {
  retry: Say;
}

export type Outcome<D> = Move<D> | Retry;
export type Handler<D, V, I = HeadIdentity> = (
  turn: Turn<D, I>,
  value: V,
) => Outcome<D> | Promise<Outcome<D>>;

export interface Button<A extends string> {
  label: string;
  action: A;
  value?: string | number;
}

export interface Prompt<A extends string> {
  say: Say;
  buttons?: Button<A>[][];
}

export interface Step<D, A extends string, I = HeadIdentity> {
  /** The question; a step without one (a list on screen) waits silently for its buttons. */
  prompt?: (turn: Turn<D, I>) => Prompt<A> | Promise<Prompt<A>>;
  text?: Handler<D, string, I>;
  document?: Handler<D, Document, I>;
  /** The buttons this step accepts, each given the button's value. */
  actions?: Partial<Record<A, Handler<D, string, I>>>;
}

/**
 * A question asked of one person in a group (the reason after a Tolak button). Each question replies
 * to the message that led to it (the pressed card, then the wrong answer) and opens the reply field
 * of that person only (a selective force_reply); a wrong answer is told in that one message; /batal
 * says `cancelled`; an effect the use case refuses (someone decided first) ends the wait before the
 * refusal is said, so the person's next words are not taken for an answer.
 */
export interface GroupAsking<D, I> {
  cancelled: (turn: Turn<D, I>) => Say;
}

export interface ConversationSpec<D extends Record<string, unknown>, A extends string, I = HeadIdentity> {
  name: string;
  data: z.ZodType<D>;
  /** The codec of the conversation's buttons (a conversation answered by text alone has none). */
  buttons?: ConversationButtons<A>;
  first: string;
  steps: Record<string, Step<D, A, I>>;
  /** The button that sends the report, and what a second press of it is told. */
  sent?: { action: A; already: TextKey };
  /** A list whose buttons stay usable after a press (otherwise an answered keyboard is taken away). */
  keepKeyboards?: boolean;
  /** Who may hold it and as whom (e.g. requireUnitHead: a unit head in private chat, for their unit). */
  identify: (ctx: BotContext) => I;
  /** Asked in a group rather than a private chat. */
  group?: GroupAsking<D, I>;
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
 * The last step of a report: its summary with Kirim / Ubah / Batal. Kirim runs `send`, Ubah starts
 * again at `first` with the answers kept, Batal ends without saving.
 */
export function summaryStep<D, I = HeadIdentity>(
  say: (turn: Turn<D, I>) => Say,
  send: Handler<D, string, I>,
  first: string,
): Step<D, "send" | "edit" | "cancel", I> {
  return {
    prompt: (turn) => ({
      say: say(turn),
      buttons: labelled(turn.ctx, [
        ["button.send", "send"],
        ["button.edit", "edit"],
        ["button.cancel", "cancel"],
      ]),
    }),
    actions: { send, edit: () => ({ to: first }), cancel: () => cancelled },
  };
}

/**
 * A typed answer checked by its schema, then `next`; a wrong one is told "<problems>.<problem>"
 * (e.g. vacancy.count.too_large), a text for every problem the schema can name.
 */
export function answer<D, T, P extends string, K extends string, I = HeadIdentity>(
  expected: Answer<T, P> | ((turn: Turn<D, I>) => Answer<T, P>),
  problems: `${K}.${P}` extends TextKey ? K : never,
  params: (text: string) => TextParams,
  next: Handler<D, T, I>,
): Handler<D, string, I> {
  return (turn, text) => {
    const parsed = readAnswer(typeof expected === "function" ? expected(turn) : expected, text);
    if (parsed.ok) return next(turn, parsed.value);
    // The parameter's type has checked that every such key exists.
    return { retry: [`${problems}.${parsed.problem}` as TextKey, params(text)] };
  };
}
