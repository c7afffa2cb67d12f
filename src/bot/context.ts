import type { Context } from "telegraf";
import type { Config } from "../config.ts";
import type { Db, DbTx } from "../db/client.ts";
import type { Clock } from "../domain/clock.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { Logger } from "../logger.ts";
import type { Locale, TextKey, TextParams } from "../messages/locales/index.ts";

/** What the bot is built from; tests pass the same with fakes. */
export interface BotDeps {
  config: Pick<Config, "DEFAULT_LOCALE" | "ADMIN_TELEGRAM_IDS" | "SCHEDULE_TIMEZONE">;
  db: Db;
  clock: Clock;
  logger: Logger;
  /** Downloads a file a person sent (a CSV of staff hours); defaults to getFileLink + fetch. */
  fetchFile?: (fileId: string) => Promise<Buffer>;
}

export type UserRecord = Prisma.UserGetPayload<{ include: { unit: true; agency: true } }>;

/** One guided conversation in progress: which, at what step, the answers so far. */
export interface ConversationState {
  name: string;
  step: string;
  data: Record<string, unknown>;
  /** Changes on every start, so buttons from an earlier conversation are recognised as stale. */
  nonce: string;
  /** ISO time of the last answer; 30 minutes of silence ends the conversation. */
  touchedAt: string;
}

/** Stored in ConversationSession, keyed by chat and person, so a restart resumes the conversation. */
export interface SessionData {
  conversation?: ConversationState | null;
  /** Waiting for a free-text answer outside a conversation (e.g. a rejection reason in a group). */
  awaiting?: { kind: string; refId: number; promptMessageId?: number } | null;
}

export interface BotContext extends Context {
  deps: BotDeps;
  locale: Locale;
  t(key: TextKey, params?: TextParams): string;
  /** The registered person, or null for a stranger. */
  user: UserRecord | null;
  isAdmin: boolean;
  session: SessionData;
  /**
   * Runs the effects of this update in one transaction that also records its update_id (so a
   * redelivered update changes nothing) and the session as it stands when `work` ends.
   */
  transact<T>(
    work: (tx: Prisma.TransactionClient) => Promise<T>,
    options?: { timeoutMs?: number },
  ): Promise<T>;
}

export type { DbTx };
