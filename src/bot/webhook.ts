import type { Telegram } from "telegraf";

/** An update kind as setWebhook's allowed_updates names it. */
export type UpdateType = NonNullable<
  NonNullable<Parameters<Telegram["setWebhook"]>[1]>["allowed_updates"]
>[number];

/**
 * The updates the bot handles: messages (commands and conversation answers), button presses, and
 * its own membership in HR groups (my_chat_member marks a group inactive when the bot is removed).
 * Telegram sends nothing else, so edited messages and the like never cost a request.
 */
export const ALLOWED_UPDATES: readonly UpdateType[] = ["message", "callback_query", "my_chat_member"];

export interface WebhookRegistration {
  /** Public https URL Telegram posts to (WEBHOOK_URL). */
  url: string;
  /** Sent back by Telegram in X-Telegram-Bot-Api-Secret-Token on every request (WEBHOOK_SECRET). */
  secret: string;
  allowedUpdates?: readonly UpdateType[];
}

/**
 * Points Telegram at our webhook. Pending updates are kept (not dropped): a restart or a switch from
 * polling loses nothing, and update-once makes a redelivered one harmless. Every instance behind
 * the load balancer may call this at start; the call is idempotent.
 */
export async function setWebhook(
  telegram: Pick<Telegram, "setWebhook">,
  registration: WebhookRegistration,
): Promise<void> {
  await telegram.setWebhook(registration.url, {
    secret_token: registration.secret,
    allowed_updates: [...(registration.allowedUpdates ?? ALLOWED_UPDATES)],
    drop_pending_updates: false,
  });
}

/** The path part of WEBHOOK_URL: the HTTP server answers Telegram there. */
export function webhookPath(url: string): string {
  return new URL(url).pathname;
}
