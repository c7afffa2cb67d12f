// Start-up calls to Telegram (getMe, deleteWebhook/setWebhook, setMyCommands) ride out its bad
// moments: Telegram answers 500 to getMe now and then, and under a supervisor a crash on it becomes a
// restart loop. 5xx, 429 and network errors are retried with bounded backoff; any other 4xx (a bad
// token above all) is final, because asking again cannot change the answer.
import { setTimeout as delay } from "node:timers/promises";
import { TelegramError } from "telegraf";
import type { Logger } from "../logger.ts";

/** Waits `ms`, or rejects with an AbortError as soon as `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const realSleep: Sleep = async (ms, signal) => {
  await delay(ms, undefined, { signal });
};

export interface RetryOptions {
  logger: Pick<Logger, "warn">;
  /** Aborted on SIGTERM/SIGINT: the wait in progress ends at once with an AbortError. */
  signal?: AbortSignal;
  sleep?: Sleep;
  /** 0..1; spreads the waits of several instances restarted together. */
  random?: () => number;
  /** First wait after a 5xx or network error; it doubles on each try up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Tries in all, the first included; unlimited by default (start-up cannot go on without the call). */
  maxAttempts?: number;
}

export type TelegramFailure =
  | { retry: true; description: string; retryAfterMs?: number }
  | { retry: false; description: string; code?: number };

/** Network failures node-fetch and node report; they say nothing about the request itself. */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
]);

export function classifyTelegramFailure(error: unknown): TelegramFailure {
  if (error instanceof TelegramError) {
    const description = `${error.code}: ${error.description}`;
    if (error.code === 429) {
      const seconds = error.parameters?.retry_after;
      return { retry: true, description, ...(seconds !== undefined ? { retryAfterMs: seconds * 1000 } : {}) };
    }
    if (error.code >= 500) return { retry: true, description };
    return { retry: false, description, code: error.code };
  }
  const err = error as { name?: unknown; code?: unknown; message?: unknown } | null;
  const description = err && typeof err.message === "string" ? err.message : String(error);
  // telegraf calls through node-fetch, which wraps every socket error (and a non-JSON answer, such as
  // a proxy's HTML 502 page) in a FetchError.
  if (err?.name === "FetchError" || (typeof err?.code === "string" && NETWORK_CODES.has(err.code)))
    return { retry: true, description };
  return { retry: false, description };
}

/** Telegram refused a start-up call for good (e.g. 401: the token is wrong or was revoked). */
export class TelegramRefusedError extends Error {
  constructor(
    readonly method: string,
    readonly description: string,
    readonly code?: number,
  ) {
    super(refusalAdvice(method, description, code));
    this.name = "TelegramRefusedError";
  }
}

function refusalAdvice(method: string, description: string, code: number | undefined): string {
  const head = `Telegram refused ${method} (${description})`;
  if (code === 401 || code === 404)
    return `${head}: BOT_TOKEN is wrong or was revoked. Get the bot's token from @BotFather (/mybots → API Token) and set BOT_TOKEN.`;
  if (code === 409)
    return `${head}: another process uses this token (polling, or a webhook is set). Run one polling instance, or BOT_MODE=webhook.`;
  return `${head}. Check BOT_TOKEN with @BotFather and the settings in README.md.`;
}

/** Retryable failures went on past `maxAttempts`. */
export class TelegramUnavailableError extends Error {
  constructor(
    readonly method: string,
    readonly attempts: number,
    readonly description: string,
  ) {
    super(`Telegram ${method} still failing after ${attempts} tries (${description})`);
    this.name = "TelegramUnavailableError";
  }
}

/** The wait before try `attempt + 1`: doubling from `base`, never above `max`, 80–100 % of it. */
export function backoffMs(attempt: number, base: number, max: number, random: () => number): number {
  const full = Math.min(max, base * 2 ** Math.min(attempt - 1, 30));
  return Math.round(full * (0.8 + 0.2 * random()));
}

/**
 * Calls `call` until it succeeds. Retryable failures are logged, one line per try (method, attempt,
 * wait, Telegram's description), then waited out: `retry_after` on 429, backoff otherwise. A final
 * refusal throws TelegramRefusedError; a retryable one once `maxAttempts` are spent, TelegramUnavailableError.
 * An abort rejects with the signal's reason (an AbortError) without another try.
 */
export async function retryTelegramCall<T>(
  method: string,
  call: () => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const base = options.baseDelayMs ?? 1000;
  const max = options.maxDelayMs ?? 30_000;
  const maxAttempts = options.maxAttempts ?? Number.POSITIVE_INFINITY;
  for (let attempt = 1; ; attempt += 1) {
    options.signal?.throwIfAborted();
    let failure: TelegramFailure;
    try {
      return await call();
    } catch (error) {
      options.signal?.throwIfAborted();
      failure = classifyTelegramFailure(error);
    }
    if (!failure.retry) throw new TelegramRefusedError(method, failure.description, failure.code);
    if (attempt >= maxAttempts) throw new TelegramUnavailableError(method, attempt, failure.description);
    const waitMs = failure.retryAfterMs ?? backoffMs(attempt, base, max, random);
    options.logger.warn(
      { method, attempt, waitMs, error: failure.description },
      `Telegram ${method} failed; trying again in ${Math.round(waitMs / 100) / 10} s`,
    );
    await sleep(waitMs, options.signal);
  }
}

export interface CommandMenuOptions extends RetryOptions {
  logger: Pick<Logger, "warn" | "info" | "error">;
  /** Registers the whole menu (every setMyCommands call); idempotent. */
  register: () => Promise<void>;
  /** Tries per round; a round that fails is followed by a pause of `roundIntervalMs`. */
  triesPerRound?: number;
  roundIntervalMs?: number;
}

/**
 * The command menu is a convenience: people can type commands without it. So a failing setMyCommands
 * never holds up the bot; it is tried a few times, then again every few minutes until it succeeds.
 * Resolves true once registered, false when stopped by the signal or refused for good.
 */
export async function keepCommandMenuRegistered(options: CommandMenuOptions): Promise<boolean> {
  const sleep = options.sleep ?? realSleep;
  const interval = options.roundIntervalMs ?? 5 * 60_000;
  const tries = { ...options, maxAttempts: options.triesPerRound ?? 3 };
  for (;;) {
    try {
      await retryTelegramCall("setMyCommands", options.register, tries);
      return true;
    } catch (error) {
      if (options.signal?.aborted) return false;
      if (!(error instanceof TelegramUnavailableError)) {
        options.logger.error({ err: error }, "Telegram refused the command menu; it is not retried");
        return false;
      }
      options.logger.warn(
        { method: "setMyCommands", waitMs: interval, error: (error as Error).message },
        "the command menu could not be registered; the bot runs without it and tries again later",
      );
    }
    try {
      await sleep(interval, options.signal);
    } catch {
      return false;
    }
  }
}

/**
 * Long polling, started after deleteWebhook (retried by the caller) succeeded. launch() asks
 * deleteWebhook once more before it polls; a 5xx there rejects it before any update was read, so
 * that is retried too. Once polling runs, telegraf itself waits out 5xx, 429 and network errors on
 * getUpdates; what still ends it (401 revoked token, 409 another poller) is final. Resolves when
 * polling stops.
 */
export async function pollUpdates(
  bot: { launch(config: { dropPendingUpdates: boolean }): Promise<void> },
  options: RetryOptions,
): Promise<void> {
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await bot.launch({ dropPendingUpdates: false });
      return;
    } catch (error) {
      const failure = classifyTelegramFailure(error);
      if (options.signal?.aborted) return;
      if (!failure.retry) {
        if (error instanceof TelegramError)
          throw new TelegramRefusedError("getUpdates", failure.description, error.code);
        throw error;
      }
      const waitMs =
        failure.retryAfterMs ??
        backoffMs(attempt, options.baseDelayMs ?? 1000, options.maxDelayMs ?? 30_000, random);
      options.logger.warn(
        { method: "deleteWebhook", attempt, waitMs, error: failure.description },
        "polling could not start; trying again",
      );
      await sleep(waitMs, options.signal).catch(() => undefined);
      if (options.signal?.aborted) return;
    }
  }
}
