// The only place that reads the environment, connects, starts and stops things.
import { reclaimAfterCrash } from "./delivery/claim.ts";
import { DEFAULT_SENDER_OPTIONS } from "./delivery/sender-options.ts";
import { registerCommands } from "./bot/commands.ts";
import { queueCommandMenus } from "./use-cases/accounts/index.ts";
import { createBot } from "./bot/create-bot.ts";
import {
  keepCommandMenuRegistered,
  pollUpdates,
  retryTelegramCall,
  TelegramRefusedError,
} from "./bot/start-up.ts";
import { setWebhook, webhookPath } from "./bot/webhook.ts";
import { besideUpdates } from "./bot/beside-updates.ts";
import { ConfigError, parseConfig, type Config } from "./config.ts";
import { openDatabase } from "./db/client.ts";
import { createSendLimiter, wrapTelegramApi } from "./delivery/limiter.ts";
import { SENDER_LEASE, startOutboxSender } from "./delivery/sender.ts";
import { deliveryPolicy } from "./use-cases/outbox-policy/index.ts";
import { systemClock } from "./domain/clock.ts";
import { createHttpServer } from "./http/server.ts";
import { webApp } from "./web/index.ts";
import { instanceId } from "./db/lease.ts";
import { startScheduler } from "./jobs/scheduler.ts";
import { loadDotEnv } from "./load-env.ts";
import { createLogger } from "./logger.ts";
import { createMetrics } from "./metrics.ts";
import { checkHealth } from "./use-cases/status/index.ts";
import { putBotUsername, putMiniAppLink } from "./db/settings.ts";
import { releaseWarmWorker } from "./engine/plan-within.ts";
import { PlanMemo } from "./engine/plan-memo.ts";

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
  // A province's check, formasi and what-if run beside the update loop; shutdown waits for them (below).
  const beside = besideUpdates();
  // Plans remembered by their input (engine/plan-memo.ts), one memory for the bot, the page and the schedule.
  const plans = new PlanMemo();
  const bot = createBot(
    { config, db, clock, logger, beside, plans },
    { token: config.BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT, metrics },
  );
  // Every message the bot sends, replies and pushes alike, passes one limiter (Telegram's limits).
  const limiter = createSendLimiter({ ratePerSecond: config.SEND_RATE_PER_SECOND });
  const callApi = wrapTelegramApi(bot.telegram as unknown as Parameters<typeof wrapTelegramApi>[0], limiter);

  // Stopped in this order: first what takes updates in (polling, the HTTP server with its webhook),
  // then what sends (the sender also stops the shared limiter, so replies in flight finish first).
  const intake: Array<() => Promise<void>> = [];
  const workers: Array<() => Promise<void>> = [];
  // Ends start-up's waits on Telegram at once on SIGTERM/SIGINT.
  const aborted = new AbortController();
  const retry = { logger, signal: aborted.signal };

  let stopping = false;
  async function shutdown(reason: string, code = 0): Promise<void> {
    if (stopping) return;
    stopping = true;
    aborted.abort();
    logger.info({ reason }, "shutting down");
    // Hard stop if anything hangs: nothing is lost (outbox, sessions and updates are in the database).
    const timer = setTimeout(() => process.exit(code || 1), 10_000);
    timer.unref();
    for (const stop of [...intake.reverse(), ...workers.reverse()])
      await stop().catch((err: unknown) => logger.error({ err }, "stop failed"));
    // The engine's thread kept warm after a plan (engine/plan-within.ts) holds no work, only memory.
    await releaseWarmWorker();
    await database.close();
    process.exit(code);
  }
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));

  const webhook =
    config.BOT_MODE === "webhook" && config.WEBHOOK_URL && config.WEBHOOK_SECRET
      ? {
          path: webhookPath(config.WEBHOOK_URL),
          secret: config.WEBHOOK_SECRET,
          handleUpdate: (update: Parameters<typeof bot.handleUpdate>[0]) => bot.handleUpdate(update),
        }
      : undefined;
  // Up before the first call to Telegram, so /healthz answers "starting" while start-up retries.
  let phase: "starting" | "running" = "starting";
  const http = await createHttpServer({
    port: config.PORT,
    webhook,
    health: () => checkHealth(db, clock.now(), phase),
    metrics: metrics.registry,
    logger,
    // The Mini App is served only when its public URL is set (issue 27).
    ...(config.WEB_APP_URL
      ? {
          web: webApp({
            db,
            clock,
            logger,
            botToken: config.BOT_TOKEN,
            authMaxAgeSeconds: config.WEB_APP_AUTH_MAX_AGE,
            adminIds: config.ADMIN_TELEGRAM_IDS,
            defaultLocale: config.DEFAULT_LOCALE,
            timeZone: config.SCHEDULE_TIMEZONE,
            mapTileUrl: config.MAP_TILE_URL,
            plans,
          }),
        }
      : {}),
  }).catch(async (error: unknown) => {
    // One line the operator can act on, and the data directory's lock and socket released (issue 25).
    const code = (error as { code?: unknown }).code;
    if (code === "EADDRINUSE" || code === "EACCES") {
      const why = code === "EADDRINUSE" ? "is in use" : "may not be opened";
      process.stderr.write(
        `Seimbang cannot start: port ${config.PORT} ${why}; set PORT to a free port (the health and metrics server needs one).\n`,
      );
      await shutdown("port-unavailable", 1);
    }
    throw error;
  });
  // Last of the intake to stop: work a command started beside the update loop, its answer still to send
  // (the hard stop above ends it after 10 s; uncommitted, it changed nothing).
  intake.push(() => beside.settled());
  // Stopping the HTTP server stops taking webhook updates and lets those in flight finish.
  intake.push(() => http.close());

  try {
    const me = await retryTelegramCall("getMe", () => bot.telegram.getMe(), retry);
    bot.botInfo = me;
    await putBotUsername(db, me.username);
    // The digest carries a button to the Mini App when it has a direct link (issue 27).
    await putMiniAppLink(
      db,
      config.WEB_APP_URL && config.WEB_APP_NAME ? `https://t.me/${me.username}/${config.WEB_APP_NAME}` : null,
    );
    if (stopping) return;
    // The menu never holds up the bot: it is retried in the background until it succeeds.
    void keepCommandMenuRegistered({
      ...retry,
      register: () => registerCommands(bot.telegram, config.ADMIN_TELEGRAM_IDS, config.WEB_APP_URL),
    });
    // Each registered person's own menu, through the outbox (nothing after the first start of a release).
    const menus = await queueCommandMenus(db, config);
    if (menus > 0) logger.info({ menus }, "command menus queued");

    // One holder name for this instance's leases (sender and scheduled jobs).
    const holder = instanceId();
    // The embedded database is ours alone (its lock): what a crashed run had claimed is due now.
    if (database.kind === "embedded") {
      const due = await reclaimAfterCrash(
        db,
        clock.now(),
        DEFAULT_SENDER_OPTIONS.messageLeaseMs,
        SENDER_LEASE,
      );
      if (due > 0) logger.info({ messages: due }, "messages a previous run had claimed are due again");
    }
    const sender = startOutboxSender({
      db,
      callApi,
      limiter,
      logger,
      ...deliveryPolicy(config),
      holder,
      metrics,
    });
    workers.push(() => sender.stop(4_000));
    const scheduler = startScheduler({ db, clock, logger, config, holder, plans });
    workers.push(() => scheduler.stop());

    if (webhook && config.WEBHOOK_URL && config.WEBHOOK_SECRET) {
      const registration = { url: config.WEBHOOK_URL, secret: config.WEBHOOK_SECRET };
      await retryTelegramCall("setWebhook", () => setWebhook(bot.telegram, registration), retry);
    } else {
      const noWebhook = { drop_pending_updates: false };
      await retryTelegramCall("deleteWebhook", () => bot.telegram.deleteWebhook(noWebhook), retry);
      // Resolves only when polling stops, so it is not awaited.
      void pollUpdates(bot, retry).catch((err: unknown) => {
        logger.fatal({ err }, "polling stopped");
        void shutdown("polling-error", 1);
      });
      // Stops asking for updates; telegraf waits for the batch in hand.
      intake.push(async () => {
        try {
          bot.stop("shutdown");
        } catch {
          // "Bot is not running!": launch() is still in its own deleteWebhook; the exit ends it.
        }
      });
    }
    phase = "running";
    logger.info({ bot: me.username, mode: config.BOT_MODE, port: http.port }, "Seimbang is running");
  } catch (error) {
    if (stopping) return;
    if (!(error instanceof TelegramRefusedError)) throw error;
    logger.fatal({ err: error }, "Telegram refused start-up");
    process.stderr.write(`Seimbang cannot start.\n${error.message}\n`);
    await shutdown("telegram-refused", 1);
  }
}

await main();
