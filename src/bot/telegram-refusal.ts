import { TelegramError } from "telegraf";

/** A 4xx other than 429 is Telegram's final word on that call: sending it again is refused again. */
export function isRefusal(error: unknown): error is TelegramError {
  return error instanceof TelegramError && error.code >= 400 && error.code < 500 && error.code !== 429;
}

/** The Bot API method telegraf was calling when Telegram refused (telegraf keeps it in `on`). */
export function refusedMethod(error: TelegramError): string | undefined {
  const on: unknown = error.on;
  return typeof on === "object" && on !== null && "method" in on ? String(on.method) : undefined;
}
