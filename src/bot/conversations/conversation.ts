import { randomInt } from "node:crypto";
import { Composer } from "telegraf";
import {
  DONE_STEP,
  isExpired,
  isOpen,
  isPassive,
  type ConversationState,
} from "../../domain/conversation-state.ts";
import type { BotContext } from "../context.ts";

// The rules live in domain/ so jobs/ can apply them too; features keep importing them from here.
export {
  CONVERSATION_TIMEOUT_MS,
  DONE_STEP,
  isExpired,
  isOpen,
  isPassive,
} from "../../domain/conversation-state.ts";

const NONCE_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

export function newNonce(): string {
  return Array.from({ length: 6 }, () => NONCE_ALPHABET[randomInt(NONCE_ALPHABET.length)]).join("");
}

/** Starts `name` at `step`, replacing whatever conversation was open (its buttons become stale). */
export function startConversation(
  ctx: BotContext,
  name: string,
  step: string,
  data: Record<string, unknown> = {},
): ConversationState {
  const state: ConversationState = {
    name,
    step,
    data,
    nonce: newNonce(),
    touchedAt: ctx.deps.clock.now().toISOString(),
  };
  ctx.session.conversation = state;
  return state;
}

/** The open conversation called `name`, or null. */
export function openConversation(ctx: BotContext, name: string): ConversationState | null {
  const state = ctx.session.conversation;
  return isOpen(state) && state.name === name ? state : null;
}

/** Moves to `step` with the answers merged in; the session is saved with the update. */
export function advance(
  ctx: BotContext,
  state: ConversationState,
  step: string,
  patch: Record<string, unknown> = {},
): ConversationState {
  const next = {
    ...state,
    step,
    data: { ...state.data, ...patch },
    touchedAt: ctx.deps.clock.now().toISOString(),
  };
  ctx.session.conversation = next;
  return next;
}

/** A wrong answer is still an answer: the half hour starts again. */
export function touch(ctx: BotContext, state: ConversationState): void {
  ctx.session.conversation = { ...state, touchedAt: ctx.deps.clock.now().toISOString() };
}

export function finishConversation(
  ctx: BotContext,
  state: ConversationState,
  data: Record<string, unknown> = {},
): void {
  ctx.session.conversation = {
    ...state,
    step: DONE_STEP,
    data,
    touchedAt: ctx.deps.clock.now().toISOString(),
  };
}

export function endConversation(ctx: BotContext): void {
  ctx.session.conversation = null;
}

export type PressState =
  { kind: "open"; state: ConversationState } | { kind: "done"; state: ConversationState } | { kind: "stale" };

/** Whether a button with this nonce belongs to the person's open conversation `name`, a sent one, or neither. */
export function classifyPress(ctx: BotContext, name: string, nonce: string): PressState {
  const state = ctx.session.conversation;
  if (!state || state.name !== name || state.nonce !== nonce) return { kind: "stale" };
  return isOpen(state) ? { kind: "open", state } : { kind: "done", state };
}

/** A message that is a bot command (commands leave a conversation's question waiting, never answer it). */
export function isCommand(ctx: BotContext): boolean {
  const message = ctx.message;
  return (
    !!message &&
    "entities" in message &&
    !!message.entities?.some((e) => e.type === "bot_command" && e.offset === 0)
  );
}

/**
 * Before every feature: after 30 minutes of silence the conversation is over. A command goes on (it
 * starts something new); any other message or press is told the conversation ended, and nothing
 * else happens (the answer may belong to a question the person no longer sees). The scheduled job
 * (use-cases/lifecycle/expire-conversations.ts) says the same unasked in private chats.
 */
export const conversationTimeout = new Composer<BotContext>();

conversationTimeout.use(async (ctx, next) => {
  const state = ctx.session?.conversation;
  if (!state || !isExpired(state, ctx.deps.clock.now())) return next();
  endConversation(ctx);
  if (isPassive(state) || isCommand(ctx)) return next();
  if (ctx.chat && ctx.chat.type !== "private") {
    // A reason asked in a group: the team's buttons go on; a text is likely the late answer.
    if (!ctx.message || !("text" in ctx.message)) return next();
    await ctx.reply(ctx.t("conversation.expired_group"), {
      reply_parameters: { message_id: ctx.message.message_id, allow_sending_without_reply: true },
    });
    return;
  }
  if (ctx.callbackQuery) {
    await ctx.answerCbQuery(ctx.t("conversation.expired_short"), { show_alert: true });
    return;
  }
  if (ctx.chat) await ctx.reply(ctx.t("conversation.expired"));
});
