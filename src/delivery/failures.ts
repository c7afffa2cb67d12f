// How Telegram (or the network) answered a failed call, and what the sender hands to the policy
// when a chat is lost or a message is refused for good.
import type { DbTx } from "../db/client.ts";

export type SendFailure =
  | { kind: "retry-after"; ms: number; text: string }
  | { kind: "transient"; text: string }
  | { kind: "not-modified"; text: string }
  | { kind: "forbidden"; text: string }
  | { kind: "rejected"; text: string };

/** A message Telegram refused for good; it is already DEAD with `error` when the policy sees it. */
export interface RefusedMessage {
  id: number;
  chatId: bigint;
  kind: string | null;
  /** Telegram's answer, e.g. "400 Bad Request: chat not found". */
  error: string;
  at: Date;
}

/** Runs in the transaction that dead-letters the message, so both happen or neither. */
export type RefusalHandler = (tx: DbTx, refused: RefusedMessage) => Promise<void>;

/** telegraf's TelegramError carries the Bot API answer; anything else is the network. */
export function classifyFailure(error: unknown): SendFailure {
  const response = (
    error as {
      response?: { error_code?: unknown; description?: unknown; parameters?: { retry_after?: unknown } };
    }
  )?.response;
  if (response && typeof response.error_code === "number") {
    const code = response.error_code;
    const text = `${code} ${String(response.description ?? "")}`.trim();
    if (code === 429)
      return { kind: "retry-after", ms: Number(response.parameters?.retry_after ?? 1) * 1000, text };
    if (code >= 500) return { kind: "transient", text };
    if (code === 400 && /message is not modified/i.test(text)) return { kind: "not-modified", text };
    if (code === 403) return { kind: "forbidden", text };
    return { kind: "rejected", text };
  }
  const err = error as { code?: unknown; message?: unknown };
  return {
    kind: "transient",
    text: `network: ${String(err?.code ?? "")} ${String(err?.message ?? error)}`.trim(),
  };
}

/** How long until the next attempt: Telegram's retry_after, or exponential backoff with jitter. */
export function retryDelayMs(
  failure: SendFailure,
  attempts: number,
  backoff: { baseMs: number; maxMs: number },
  random: () => number,
): number {
  if (failure.kind === "retry-after") return failure.ms;
  return Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempts - 1)) * (0.5 + random());
}
