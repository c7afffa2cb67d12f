// The only place that reads the environment, connects, starts and stops things.
import { registerCommands } from "./bot/commands.ts";
import { createBot } from "./bot/create-bot.ts";
import { ConfigError, parseConfig, type Config } from "./config.ts";
import { openDatabase } from "./db/client.ts";
import { systemClock } from "./domain/clock.ts";
import { loadDotEnv } from "./load-env.ts";
import { createLogger } from "./logger.ts";
import { putBotUsername } from "./use-cases/settings.ts";

function readConfig(): Config {
  loadDotEnv();
  try {
    return parseConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Seimbang cannot start.\n${error.message}\nSee README.md ("Environment") and .env.example.\n`);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, serveSocket: true });
  const applied = await database.migrate();
  logger.info({ database: database.kind, applied }, "database ready");

  const clock = systemClock;
  const bot = createBot({ config, db: database.prisma, clock, logger }, { token: config.BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT });

  const me = await bot.telegram.getMe();
  bot.botInfo = me;
  await putBotUsername(database.prisma, me.username);
  await registerCommands(bot.telegram, config.ADMIN_TELEGRAM_IDS).catch((err: unknown) =>
    logger.warn({ err }, "setMyCommands failed; the menu may be out of date"),
  );

  const stoppers: Array<() => Promise<void>> = [];

  // telegraf's launch() resolves only when polling stops, so it is not awaited.
  void bot.launch({ dropPendingUpdates: false }).catch((err: unknown) => {
    logger.fatal({ err }, "polling stopped");
    void shutdown("polling-error", 1);
  });
  stoppers.push(async () => bot.stop("shutdown"));
  logger.info({ bot: me.username, mode: config.BOT_MODE }, "Seimbang is running");

  let stopping = false;
  async function shutdown(reason: string, code = 0): Promise<void> {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, "shutting down");
    // Hard stop if anything hangs: the supervisor restarts us and nothing is lost (outbox, sessions).
    const timer = setTimeout(() => process.exit(code || 1), 10_000);
    timer.unref();
    for (const stop of stoppers.reverse()) await stop().catch((err: unknown) => logger.error({ err }, "stop failed"));
    await database.close();
    process.exit(code);
  }
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

await main();
