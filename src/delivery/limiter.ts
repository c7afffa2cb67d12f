// Telegram's limits (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this):
// about 30 messages a second overall, 20 a minute in one group, about 1 a second in one private chat.
// Everything else asks this module to send.
import { systemClock, type DeliveryClock } from "./clock.ts";
import { Lane } from "./lane.ts";

/** Limiter priorities: 0 runs before 9. Replies to a person go first, bulk pushes last. */
export const LIMITER_PRIORITY = { interactive: 0, lowest: 9 } as const;

export interface LimiterOptions {
  /** Overall messages a second; Telegram allows about 30, we default to 25 for headroom. */
  ratePerSecond?: number;
  /** Per group chat (negative chat id) in a minute. */
  groupPerMinute?: number;
  /** Minimum gap between two messages to one private chat. */
  privateIntervalMs?: number;
  /** Added to every per-chat gap so network jitter cannot bring two sends closer than the limit. */
  marginMs?: number;
  /** Measures the windows and waits them out (the queues never wait on their own). */
  clock?: DeliveryClock;
}

export interface SendLimiter {
  /**
   * Runs `send` when the overall and the chat's limits allow, at this priority (0 first).
   * `precheck` runs when the job's turn comes (and again just before sending); if it throws, the
   * job ends with that error without using the chat's or the overall budget.
   */
  schedule<T>(
    chatId: number | bigint | string,
    priority: number,
    send: () => Promise<T>,
    precheck?: () => void,
  ): Promise<T>;
  /**
   * An edit of the bot's own message answering a person's action (closing the keyboard they pressed):
   * within the overall rate and a chat's 429 hold, but not held to the chat's one-a-second gap, nor
   * counted in it. So the next question follows a press at once (issue 25: it waited ≈ 1.1 s).
   */
  scheduleReplyEdit<T>(chatId: number | bigint | string, send: () => Promise<T>): Promise<T>;
  /** Telegram asked us to wait (429 retry_after): nothing more goes to this chat until then. */
  holdChat(chatId: number | bigint | string, ms: number): void;
  /** Jobs waiting in the queues. */
  queued(): number;
  /** Stops accepting jobs; with `drop`, waiting jobs are abandoned (their promises reject). */
  stop(drop: boolean): Promise<void>;
  readonly ratePerSecond: number;
}

const TELEGRAM_CEILING = 30;

/**
 * One overall limiter (spaced starts, so no one-second window ever holds more than the rate) and
 * one queue per chat. A chat's slot is held until its gap has passed *after the actual send*, not
 * after the job was handed to the overall limiter: otherwise a message that waited behind a bulk
 * push could be followed too closely by the next one to the same chat.
 */
export function createSendLimiter(options: LimiterOptions = {}): SendLimiter {
  const ratePerSecond = Math.min(options.ratePerSecond ?? 25, TELEGRAM_CEILING);
  const margin = options.marginMs ?? 50;
  const groupGap = Math.ceil(60_000 / (options.groupPerMinute ?? 20)) + margin;
  const privateGap = (options.privateIntervalMs ?? 1000) + margin;
  const clock = options.clock ?? systemClock;
  // The overall lane orders the waiting jobs by priority, one at a time; the slot itself is measured
  // against a sliding one-second window, because timers that fire late would let a plain minimum
  // gap bunch sends together and a window would then hold more than the rate.
  const overall = new Lane();
  const recent: number[] = [];
  const spacing = 1000 / ratePerSecond / 1.5;
  const takeSlot = async (): Promise<void> => {
    for (;;) {
      const now = clock.now();
      while (recent.length > 0 && (recent[0] ?? 0) <= now - 1000) recent.shift();
      const spacingWait = recent.length > 0 ? (recent.at(-1) ?? 0) + spacing - now : 0;
      const windowWait = recent.length >= ratePerSecond ? (recent[0] ?? 0) + 1000 - now : 0;
      const wait = Math.max(spacingWait, windowWait);
      if (wait <= 0) {
        recent.push(now);
        return;
      }
      await clock.sleep(wait);
    }
  };
  const chats = new Map<string, Lane>();
  const chatLane = (key: string): Lane => {
    let lane = chats.get(key);
    if (!lane) {
      lane = new Lane(() => chats.delete(key));
      chats.set(key, lane);
    }
    return lane;
  };
  const heldUntil = new Map<string, number>();
  const lastSend = new Map<string, number>();
  let stopped = false;

  return {
    ratePerSecond,
    schedule<T>(
      chatId: number | bigint | string,
      priority: number,
      send: () => Promise<T>,
      precheck?: () => void,
    ): Promise<T> {
      const key = String(chatId);
      const gap = key.startsWith("-") ? groupGap : privateGap;
      const level = Math.max(
        LIMITER_PRIORITY.interactive,
        Math.min(LIMITER_PRIORITY.lowest, Math.round(priority)),
      );
      if (stopped) return Promise.reject(new Error("limiter stopped"));
      // The chat's lane is held until the send has been answered, so its gap counts from the send.
      return chatLane(key).run(level, async () => {
        precheck?.();
        const notBefore = Math.max(heldUntil.get(key) ?? 0, (lastSend.get(key) ?? 0) + gap);
        const wait = notBefore - clock.now();
        if (wait > 0) await clock.sleep(wait);
        await overall.run(level, takeSlot);
        precheck?.();
        lastSend.set(key, clock.now());
        return send();
      });
    },
    async scheduleReplyEdit(chatId, send) {
      if (stopped) throw new Error("limiter stopped");
      const wait = (heldUntil.get(String(chatId)) ?? 0) - clock.now();
      if (wait > 0) await clock.sleep(wait);
      await overall.run(LIMITER_PRIORITY.interactive, takeSlot);
      return send();
    },
    holdChat(chatId, ms) {
      const key = String(chatId);
      heldUntil.set(key, Math.max(heldUntil.get(key) ?? 0, clock.now() + ms));
    },
    queued() {
      return overall.queued() + [...chats.values()].reduce((sum, lane) => sum + lane.queued(), 0);
    },
    async stop(drop) {
      if (stopped) return;
      stopped = true;
      for (const lane of [overall, ...chats.values()]) lane.stop(drop);
      await Promise.resolve();
    },
  };
}

/** Bot API methods that put a message in a chat and so count against Telegram's limits. */
const MESSAGE_METHODS = new Set([
  "sendMessage",
  "sendPhoto",
  "sendDocument",
  "sendMediaGroup",
  "sendVideo",
  "sendAudio",
  "sendVoice",
  "sendAnimation",
  "sendSticker",
  "sendLocation",
  "sendContact",
  "sendPoll",
  "copyMessage",
  "forwardMessage",
  "editMessageText",
  "editMessageCaption",
  "editMessageReplyMarkup",
  "editMessageMedia",
]);

export type CallApi = (method: string, payload: unknown, extra?: unknown) => Promise<unknown>;

interface TelegramLike {
  callApi: CallApi;
}

/**
 * Routes the bot's own replies through the same limiter as the outbox, at the top priority, so a
 * reply to a person is never stuck behind a bulk push and the two together never exceed the limits.
 * answerCallbackQuery, getMe and the like are not messages and pass straight through.
 * Returns the unwrapped call, which the outbox sender uses under its own (lower) priorities.
 */
export function wrapTelegramApi(
  telegram: { callApi: (...args: never[]) => Promise<unknown> },
  limiter: SendLimiter,
): CallApi {
  // telegraf's callApi is generic over the method; at run time it is (method, payload, extra).
  const target = telegram as unknown as TelegramLike;
  const raw: CallApi = target.callApi.bind(target);
  target.callApi = (method, payload, extra) => {
    const chatId = chatIdOf(payload);
    if (!MESSAGE_METHODS.has(method) || chatId === null) return raw(method, payload, extra);
    // A reply's edit in a private chat (the keyboard a press closes) does not hold the next question back.
    if (method.startsWith("editMessage") && !chatId.startsWith("-"))
      return limiter.scheduleReplyEdit(chatId, () => raw(method, payload, extra));
    return limiter.schedule(chatId, LIMITER_PRIORITY.interactive, () => raw(method, payload, extra));
  };
  return raw;
}

function chatIdOf(payload: unknown): string | null {
  if (typeof payload !== "object" || payload === null) return null;
  const chatId = (payload as { chat_id?: unknown }).chat_id;
  return typeof chatId === "number" || typeof chatId === "string" || typeof chatId === "bigint"
    ? String(chatId)
    : null;
}
