import { TelegramError, type Context, type Telegraf } from "telegraf";
import type { Update, UserFromGetMe } from "telegraf/types";
import { trackStandIn, type RefusingStandIn } from "./refusals.ts";
import { TelegramRules, type Refusal } from "./telegram-rules.ts";

/** One Bot API call the bot made. */
export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
}

export const testBotInfo: UserFromGetMe = {
  id: 777000111,
  is_bot: true,
  first_name: "Seimbang",
  username: "seimbang_test_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
} as UserFromGetMe;

/** The recorder's calls (accepted ones only) plus what it refused. */
export type RecordedApiCalls = ApiCall[] &
  RefusingStandIn & {
    /** Refusals to answer to the next matching calls, as if Telegram refused them (test-only faults). */
    injected: Array<{ method?: string; refusal: Refusal }>;
  };

/**
 * Stands in for the Bot API inside the process: records every call and answers like Telegram
 * would (sent messages get increasing ids), refusing what Telegram refuses (telegram-rules.ts) with
 * the same TelegramError telegraf throws. `now` is the clock callback queries age by. No network.
 */
export function recordApiCalls<C extends Context>(
  bot: Telegraf<C>,
  options: { now?: () => number } = {},
): RecordedApiCalls {
  // Not enumerable: tests compare `calls` with plain arrays of calls.
  const calls = Object.defineProperties([] as ApiCall[], {
    refused: { value: [] },
    allowed: { value: [] },
    injected: { value: [] },
  }) as RecordedApiCalls;
  trackStandIn(calls);
  const rules = new TelegramRules(options.now);
  let nextMessageId = 1000;
  bot.botInfo = testBotInfo;
  // Messages and callback queries in updates exist on Telegram: the bot may edit and answer them.
  const handleUpdate = bot.handleUpdate.bind(bot);
  bot.handleUpdate = (update, webhookResponse) => {
    rules.seeUpdate(update as unknown as Record<string, unknown>);
    return handleUpdate(update, webhookResponse);
  };
  const telegram = bot.telegram as unknown as {
    callApi: (method: string, payload: unknown) => Promise<unknown>;
  };
  telegram.callApi = async (method: string, payload: unknown) => {
    const body = (payload ?? {}) as Record<string, unknown>;
    const injectedAt = calls.injected.findIndex((i) => i.method === undefined || i.method === method);
    const injected = injectedAt >= 0 ? calls.injected.splice(injectedAt, 1)[0]?.refusal : undefined;
    const refused = injected ?? rules.check(method, body);
    if (refused) {
      calls.refused.push({
        ...refused,
        method,
        payload: body,
        injected: injected !== undefined,
        settled: false,
      });
      throw new TelegramError(refused, { method, payload: body });
    }
    calls.push({ method, payload: body });
    if (method.startsWith("send")) {
      const messageId = nextMessageId++;
      rules.accepted(method, body, messageId);
      return {
        message_id: messageId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: body.chat_id, type: Number(body.chat_id) < 0 ? "supergroup" : "private" },
        text: body.text,
      };
    }
    if (method === "editMessageText" || method === "editMessageReplyMarkup") {
      rules.accepted(method, body, undefined);
      return {
        message_id: body.message_id,
        date: Math.floor(Date.now() / 1000),
        chat: { id: body.chat_id },
        text: body.text,
      };
    }
    if (method.startsWith("editMessage")) rules.accepted(method, body, undefined);
    if (method === "getMe") return testBotInfo;
    return true;
  };
  return calls;
}

/** Makes the recorder refuse the next call (of `method`, or any) with a 400, as Telegram would. */
export function refuseNextCall(calls: RecordedApiCalls, description: string, method?: string): void {
  calls.injected.push({
    ...(method !== undefined ? { method } : {}),
    refusal: { ok: false, error_code: 400, description },
  });
}

export interface Person {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

let updateId = 1;
let messageId = 1;
export function nextUpdateId(): number {
  return updateId++;
}

/** A text message as Telegram delivers it; commands carry their bot_command entity. */
export function textUpdate(
  from: Person,
  text: string,
  chat?: { id: number; type: "group" | "supergroup"; title?: string },
): Update {
  const command = /^\/\S+/.exec(text);
  return {
    update_id: nextUpdateId(),
    message: {
      message_id: messageId++,
      date: Math.floor(Date.now() / 1000),
      from: { is_bot: false, ...from },
      chat: chat ?? { id: from.id, type: "private", first_name: from.first_name },
      text,
      ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
    },
  } as Update;
}

/** A press on an inline button of a message the bot sent. */
export function callbackUpdate(
  from: Person,
  data: string,
  message: { message_id: number; chatId?: number; chatType?: "private" | "group" | "supergroup" } = {
    message_id: 1,
  },
): Update {
  const chatId = message.chatId ?? from.id;
  return {
    update_id: nextUpdateId(),
    callback_query: {
      id: String(nextUpdateId()),
      from: { is_bot: false, ...from },
      chat_instance: "ci",
      data,
      message: {
        message_id: message.message_id,
        date: Math.floor(Date.now() / 1000),
        chat: { id: chatId, type: message.chatType ?? (chatId < 0 ? "supergroup" : "private") },
        text: "…",
      },
    },
  } as Update;
}

/** Texts the bot sent (sendMessage / editMessageText) since `from`. */
export function sentTexts(calls: ApiCall[], from = 0): string[] {
  return calls
    .slice(from)
    .filter((c) => c.method === "sendMessage" || c.method === "editMessageText")
    .map((c) => String(c.payload.text));
}

/** The bot added to (member) or removed from (left, kicked) a group by an admin (user 9001). */
export function botMembership(
  chat: { id: number; type: "group" | "supergroup"; title: string },
  status: "member" | "left" | "kicked",
): Update {
  return {
    update_id: nextUpdateId(),
    my_chat_member: {
      chat,
      from: { id: 9001, is_bot: false, first_name: "Admin" },
      date: Math.floor(Date.now() / 1000),
      old_chat_member: { user: testBotInfo, status: status === "member" ? "left" : "member" },
      new_chat_member:
        status === "kicked" ? { user: testBotInfo, status, until_date: 0 } : { user: testBotInfo, status },
    },
  } as Update;
}
