import type { Context } from "telegraf";
import type { Config } from "../config.ts";
import type { Db, DbTx } from "../db/client.ts";
import type { Actor } from "../domain/actor.ts";
import type { Clock } from "../domain/clock.ts";
import type { ConversationState, SessionData } from "../domain/conversation-state.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { Logger } from "../logger.ts";
import type { Locale, TextKey, TextParams } from "../messages/locales/index.ts";
import type { BesideUpdates } from "./beside-updates.ts";
import type { PlanMemo } from "../engine/plan-memo.ts";

/** What the bot is built from; tests pass the same with fakes. */
export interface BotDeps {
  config: Pick<Config, "DEFAULT_LOCALE" | "ADMIN_TELEGRAM_IDS" | "SCHEDULE_TIMEZONE"> &
    Partial<Pick<Config, "WEB_APP_URL" | "WEB_APP_NAME">>;
  db: Db;
  clock: Clock;
  logger: Logger;
  /**
   * Where a province's check, formasi and what-if run, beside the update loop (bot/beside-updates.ts);
   * createBot makes one when none is given (the process passes its own, to wait for it on shutdown).
   */
  beside?: BesideUpdates;
  /**
   * The process's plans remembered (engine/plan-memo.ts), shared with the Mini App and the schedule:
   * a district planned already (a what-if's "before", a /cek after /formasi) is not planned again.
   */
  plans?: PlanMemo;
  /** Downloads a file a person sent (a CSV of staff hours); defaults to getFileLink + fetch. */
  fetchFile?: (fileId: string) => Promise<Buffer>;
}

export type UserRecord = Prisma.UserGetPayload<{ include: { unit: true; agency: true; employee: true } }>;

export interface BotContext extends Context {
  deps: BotDeps & { beside: BesideUpdates };
  locale: Locale;
  t(key: TextKey, params?: TextParams): string;
  /** The registered person, or null for a stranger. */
  user: UserRecord | null;
  isAdmin: boolean;
  /** Who is asking, as use cases take it (domain/actor.ts), resolved once per update. */
  actor: Actor;
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

export type { ConversationState, DbTx, SessionData };
