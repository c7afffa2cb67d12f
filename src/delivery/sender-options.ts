// The sender's knobs and what it needs; see sender.ts.
import type { Db } from "../db/client.ts";
import type { Logger } from "../logger.ts";
import type { Metrics } from "../metrics.ts";
import type { DeliveryClock } from "./clock.ts";
import type { RefusalHandler } from "./failures.ts";
import type { SentHandler } from "./mark-sent.ts";
import type { CallApi, SendLimiter } from "./limiter.ts";

export interface SenderOptions {
  /** How often to look for due messages when idle. */
  pollMs: number;
  /** Messages claimed at most at once (queued in the limiter or on the wire). */
  maxInFlight: number;
  /**
   * A claimed message is invisible to other claims this long; renewed (a heartbeat every third of it)
   * while it waits in the limiter or is on the wire. Short, so that a crashed instance holds its
   * messages for seconds, not a minute (issue 25).
   */
  messageLeaseMs: number;
  /** The sender role itself: one instance at a time. */
  senderLeaseMs: number;
  /** Exponential backoff for 5xx and network errors: base * 2^(attempt-1), capped, with jitter. */
  backoffBaseMs: number;
  backoffMaxMs: number;
}

export const DEFAULT_SENDER_OPTIONS: SenderOptions = {
  pollMs: 500,
  maxInFlight: 300,
  messageLeaseMs: 15_000,
  senderLeaseMs: 15_000,
  backoffBaseMs: 1000,
  backoffMaxMs: 5 * 60_000,
};

export interface SenderDeps {
  db: Db;
  /** The unwrapped Bot API call (what wrapTelegramApi returns, or telegram.callApi in a CLI). */
  callApi: CallApi;
  limiter: SendLimiter;
  logger: Logger;
  /** 403: the chat blocked or removed the bot. The message is DEAD; the rest is policy. */
  onLostChat?: RefusalHandler;
  /** Any other refusal (400 …): the message is DEAD with Telegram's description; tell someone. */
  onDeadLetter?: RefusalHandler;
  /** Sent as message M: what a message of a kind means to its caller (where a card sits). */
  onSent?: SentHandler;
  holder?: string;
  options?: Partial<SenderOptions>;
  random?: () => number;
  /** Leases, retry times and the idle poll run on this clock (the limiter takes its own). */
  clock?: DeliveryClock;
  /** Counters for /metrics. */
  metrics?: Pick<Metrics, "outboxSent" | "outboxFailed" | "telegram429">;
}

export interface OutboxSender {
  /** Graceful: stop claiming, let calls on the wire finish and record, hand queued ones back. */
  stop(timeoutMs?: number): Promise<void>;
  /**
   * For tests of crash recovery: everything stops as if the process died outside a Bot API call;
   * claimed messages keep their lease (they come back after it lapses), nothing is handed back.
   */
  kill(): Promise<void>;
  /** Messages claimed by this sender right now. */
  inFlight(): number;
}
