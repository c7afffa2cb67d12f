// The only place that reads the environment, connects, starts and stops things.
import { registerCommands } from "./bot/commands.ts";
import { createBot } from "./bot/create-bot.ts";
import { setWebhook, webhookPath } from "./bot/webhook.ts";
import { ConfigError, parseConfig, type Config } from "./config.ts";
import { openDatabase } from "./db/client.ts";
import { createSendLimiter, wrapTelegramApi } from "./delivery/limiter.ts";
import { startOutboxSender } from "./delivery/sender.ts";
import { deliveryPolicy } from "./use-cases/delivery-policy.ts";
import { systemClock } from "./domain/clock.ts";
import { createHttpServer } from "./http/server.ts";
import { instanceId } from "./db/lease.ts";
import { startScheduler } from "./jobs/scheduler.ts";
import { loadDotEnv } from "./load-env.ts";
import { createLogger } from "./logger.ts";
import { createMetrics } from "./metrics.ts";
import { checkHealth } from "./use-cases/check-health.ts";
import { putBotUsername } from "./db/settings.ts";

function readConfig(): Config {
  loadDotEnv();
  try {
    return parseConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(
        `Seimbang cannot start.\n${error.message}\nSee README.md ("Environment") and .env.example.\n`,
      );
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const clock = systemClock;
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    serveSocket: true,
    onPoolError: (err) => logger.warn({ err }, "database connection dropped; the pool reconnects"),
  });
  const applied = await database.migrate();
  logger.info({ database: database.kind, applied }, "database ready");
  const db = database.prisma;

  const metrics = createMetrics({
    outboxBacklog: () => db.outboxMessage.count({ where: { status: "PENDING" } }),
  });
  const bot = createBot(
    { config, db, clock, logger },
    { token: config.BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT, metrics },
  );
  // Every message the bot sends, replies and pushes alike, passes one limiter (Telegram's limits).
  const limiter = createSendLimiter({ ratePerSecond: config.SEND_RATE_PER_SECOND });
  const callApi = wrapTelegramApi(bot.telegram as unknown as Parameters<typeof wrapTelegramApi>[0], limiter);

  const me = await bot.telegram.getMe();
  bot.botInfo = me;
  await putBotUsername(db, me.username);
  await registerCommands(bot.telegram, config.ADMIN_TELEGRAM_IDS).catch((err: unknown) =>
    logger.warn({ err }, "setMyCommands failed; the menu may be out of date"),
  );

  const stoppers: Array<() => Promise<void>> = [];
  // One holder name for this instance's leases (sender and scheduled jobs).
  const holder = instanceId();
  // Stopping the sender also stops the shared limiter, so it is stopped after the bot (stoppers run in reverse).
  const sender = startOutboxSender({
    db,
    callApi,
    limiter,
    logger,
    ...deliveryPolicy(config),
    holder,
    metrics,
  });
  stoppers.push(() => sender.stop(4_000));
  const scheduler = startScheduler({ db, clock, logger, config, holder });
  stoppers.push(() => scheduler.stop());

  const webhook =
    config.BOT_MODE === "webhook" && config.WEBHOOK_URL && config.WEBHOOK_SECRET
      ? {
          path: webhookPath(config.WEBHOOK_URL),
          secret: config.WEBHOOK_SECRET,
          handleUpdate: (update: Parameters<typeof bot.handleUpdate>[0]) => bot.handleUpdate(update),
        }
      : undefined;
  const http = await createHttpServer({
    port: config.PORT,
    webhook,
    health: () => checkHealth(db, clock.now()),
    metrics: metrics.registry,
    logger,
  });
  // Stopping the HTTP server first stops taking webhook updates and lets those in flight finish.
  stoppers.push(() => http.close());

  if (webhook && config.WEBHOOK_URL && config.WEBHOOK_SECRET) {
    await setWebhook(bot.telegram, { url: config.WEBHOOK_URL, secret: config.WEBHOOK_SECRET });
  } else {
    // telegraf's launch() resolves only when polling stops, so it is not awaited.
    void bot.launch({ dropPendingUpdates: false }).catch((err: unknown) => {
      logger.fatal({ err }, "polling stopped");
      void shutdown("polling-error", 1);
    });
    // Stops asking for updates; telegraf waits for the batch in hand.
    stoppers.push(async () => bot.stop("shutdown"));
  }
  logger.info({ bot: me.username, mode: config.BOT_MODE, port: http.port }, "Seimbang is running");

  let stopping = false;
  async function shutdown(reason: string, code = 0): Promise<void> {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, "shutting down");
    // Hard stop if anything hangs: nothing is lost (outbox, sessions and updates are in the database).
    const timer = setTimeout(() => process.exit(code || 1), 10_000);
    timer.unref();
    for (const stop of stoppers.reverse())
      await stop().catch((err: unknown) => logger.error({ err }, "stop failed"));
    await database.close();
    process.exit(code);
  }
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

await main();
