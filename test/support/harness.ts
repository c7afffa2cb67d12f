import type { Telegraf } from "telegraf";
import type { Update } from "telegraf/types";
import type { BotContext, BotDeps } from "../../src/bot/context.ts";
import { besideUpdates } from "../../src/bot/beside-updates.ts";
import { createBot } from "../../src/bot/create-bot.ts";
import type { Clock } from "../../src/domain/clock.ts";
import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import { createLogger } from "../../src/logger.ts";
import { recordApiCalls, type ApiCall, type RecordedApiCalls } from "./telegram.ts";
import { PlanMemo } from "../../src/engine/plan-memo.ts";

export const TEST_TOKEN = "123456789:TEST-token-for-seimbang-tests-only";

/** A clock tests can set and move. */
export function fixedClock(
  iso = "2026-11-30T00:00:00Z",
): Clock & { set(iso: string): void; advance(ms: number): void } {
  let now = new Date(iso);
  return {
    now: () => new Date(now),
    set: (value: string) => {
      now = new Date(value);
    },
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

export interface TestBot {
  bot: Telegraf<BotContext>;
  calls: RecordedApiCalls;
  deps: BotDeps;
  /** Feeds one update through the whole bot, as Telegram would deliver it. */
  send(update: Update): Promise<void>;
  /** Resolves once the work commands started beside the update loop (a province's check) has ended. */
  settled(): Promise<void>;
  /** Calls recorded since the last mark(). */
  since(): ApiCall[];
  mark(): void;
}

export function buildTestBot(
  db: PrismaClient,
  options: {
    clock?: Clock;
    adminIds?: bigint[];
    webApp?: { url: string; name?: string };
    /** The bot's plans remembered; a memory of its own by default, as the process gives the bot one. */
    plans?: PlanMemo;
  } = {},
): TestBot {
  const clock = options.clock ?? fixedClock();
  const deps: BotDeps = {
    config: {
      DEFAULT_LOCALE: "id",
      ADMIN_TELEGRAM_IDS: options.adminIds ?? [],
      SCHEDULE_TIMEZONE: "Asia/Jayapura",
      WEB_APP_URL: options.webApp?.url,
      WEB_APP_NAME: options.webApp?.name,
    },
    db,
    clock,
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? "silent"),
    beside: besideUpdates(),
    plans: options.plans ?? new PlanMemo(),
  };
  const bot = createBot(deps, { token: TEST_TOKEN });
  // Callback queries age by the test's clock, so the 15-minute answer window is deterministic.
  const calls = recordApiCalls(bot, { now: () => clock.now().getTime() });
  let marked = 0;
  return {
    bot,
    calls,
    deps,
    send: (update) => bot.handleUpdate(update),
    settled: () => deps.beside?.settled() ?? Promise.resolve(),
    since: () => calls.slice(marked),
    mark: () => {
      marked = calls.length;
    },
  };
}
