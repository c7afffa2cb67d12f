import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Telegraf, type Context } from "telegraf";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { metricsMiddleware } from "../../src/bot/middleware/metrics.ts";
import { createHttpServer, type HttpServer } from "../../src/http/server.ts";
import { PrismaClient } from "../../src/generated/prisma/client.ts";
import { createMetrics, type Metrics } from "../../src/metrics.ts";
import { checkHealth } from "../../src/use-cases/status/index.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { TEST_TOKEN } from "../support/harness.ts";
import { callbackUpdate, recordApiCalls, textUpdate } from "../support/telegram.ts";

describe.skipIf(skipPg)("/healthz and /metrics", () => {
  const db = useTestDatabase();
  let metrics: Metrics;
  let http: HttpServer;
  let now: Date;
  beforeEach(async () => {
    now = new Date();
    metrics = createMetrics({
      outboxBacklog: () => db.prisma.outboxMessage.count({ where: { status: "PENDING" } }),
    });
    http = await createHttpServer({
      port: 0,
      host: "127.0.0.1",
      health: () => checkHealth(db.prisma, now),
      metrics: metrics.registry,
    });
  });
  afterEach(async () => http.close());

  const get = (path: string) => fetch(`http://127.0.0.1:${http.port}${path}`);
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

  async function outbox(n: number, status: "PENDING" | "SENT" | "DEAD", nextAttemptAt = now) {
    for (let i = 0; i < n; i++) {
      await db.prisma.outboxMessage.create({
        data: {
          dedupeKey: `${status}-${i}-${nextAttemptAt.getTime()}`,
          chatId: -100123n,
          method: "sendMessage",
          payload: { text: "x" },
          status,
          nextAttemptAt,
        },
      });
    }
  }

  it("reports the database, the last scheduled run, the backlog and dead letters", async () => {
    await db.prisma.jobRun.create({
      data: { name: "weekly-check", startedAt: minutesAgo(90), finishedAt: minutesAgo(89), ok: true },
    });
    await db.prisma.jobRun.create({
      data: { name: "expire-proposals", startedAt: minutesAgo(30), finishedAt: minutesAgo(29), ok: false },
    });
    await outbox(3, "PENDING", minutesAgo(2));
    await outbox(2, "PENDING", new Date(now.getTime() + 60_000));
    await outbox(4, "SENT");
    await outbox(1, "DEAD");

    const answer = await get("/healthz");
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({
      ok: true,
      database: "up",
      lastScheduledRun: { name: "expire-proposals", at: minutesAgo(29).toISOString(), ok: false },
      outboxBacklog: 5,
      outboxOldestDueSeconds: 120,
      deadLetters: 1,
    });
  });

  it("answers 503 when a due message has waited more than 15 minutes (nobody is sending)", async () => {
    await outbox(1, "PENDING", minutesAgo(16));
    const answer = await get("/healthz");
    expect(answer.status).toBe(503);
    expect(await answer.json()).toMatchObject({
      ok: false,
      database: "up",
      outboxBacklog: 1,
      outboxOldestDueSeconds: 960,
    });
  });

  it("answers 503 with database down when the database cannot be reached", async () => {
    // Nothing listens on port 1: every query fails to connect, at once.
    const pool = new pg.Pool({
      connectionString: "postgresql://postgres@127.0.0.1:1/none",
      connectionTimeoutMillis: 1000,
    });
    const unreachable = new PrismaClient({ adapter: new PrismaPg(pool) });
    await http.close();
    http = await createHttpServer({
      port: 0,
      host: "127.0.0.1",
      health: () => checkHealth(unreachable),
      metrics: metrics.registry,
    });
    const answer = await get("/healthz");
    expect(answer.status).toBe(503);
    expect(await answer.json()).toMatchObject({ ok: false, database: "down" });
    await pool.end();
  });

  it("serves Prometheus text with updates, latency, outbox counters, the backlog from the database and 429s", async () => {
    const bot = new Telegraf<Context>(TEST_TOKEN);
    // As createBot does: one shared client, so the recorded stand-in sees the replies.
    Object.assign(bot.context, { telegram: bot.telegram });
    const calls = recordApiCalls(bot);
    bot.use(metricsMiddleware(metrics));
    bot.start((ctx) => ctx.reply("hi"));
    bot.action("boom", () => {
      throw new Error("handler failed");
    });
    bot.catch(() => undefined);
    const person = { id: 7001, first_name: "Rina" };
    await bot.handleUpdate(textUpdate(person, "/start"));
    await bot.handleUpdate(textUpdate(person, "/start"));
    await bot.handleUpdate(callbackUpdate(person, "boom"));
    expect(calls.map((c) => c.method)).toEqual(["sendMessage", "sendMessage"]);

    await outbox(7, "PENDING");
    metrics.outboxSent();
    metrics.outboxSent();
    metrics.outboxFailed("retry-after");
    metrics.telegram429();

    const answer = await get("/metrics");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toContain("text/plain");
    const text = await answer.text();
    expect(text).toContain('seimbang_updates_total{type="message"} 2');
    expect(text).toContain('seimbang_updates_total{type="callback_query"} 1');
    expect(text).toContain('seimbang_update_duration_seconds_count{type="message"} 2');
    expect(text).toMatch(/seimbang_update_duration_seconds_bucket\{le="10",type="message"\} 2/);
    expect(text).toContain("seimbang_outbox_sent_total 2");
    expect(text).toContain('seimbang_outbox_failed_total{reason="retry-after"} 1');
    expect(text).toContain("seimbang_outbox_backlog 7");
    expect(text).toContain("seimbang_telegram_429_total 1");
    // Our own registry: nothing from prom-client's global default metrics.
    expect(text).not.toContain("process_cpu");

    await db.prisma.outboxMessage.updateMany({ data: { status: "SENT" } });
    expect(await (await get("/metrics")).text()).toContain("seimbang_outbox_backlog 0");
  });

  it("answers 404 elsewhere, and no webhook path exists without a webhook", async () => {
    expect((await get("/nope")).status).toBe(404);
    expect(
      (await fetch(`http://127.0.0.1:${http.port}/telegram/hook`, { method: "POST", body: "{}" })).status,
    ).toBe(404);
  });
});
