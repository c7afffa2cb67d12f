// npm run bench:delivery — the outbox sender against the Bot API stand-in (which enforces Telegram's
// limits): achieved send rate against the configured ceiling, and how long an interactive reply
// waits while a bulk push drains. Writes the "## Delivery" section of BENCHMARKS.md.
import { cpus } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Telegram } from "telegraf";
import { pgliteAdapter, pgliteTransactionOpener, pgTransactionOpener } from "../src/db/client.ts";
import { applyMigrations } from "../src/db/migrate.ts";
import { createSendLimiter, wrapTelegramApi } from "../src/delivery/limiter.ts";
import { enqueueMessage, PRIORITY } from "../src/delivery/outbox.ts";
import { startOutboxSender } from "../src/delivery/sender.ts";
import { deliveryPolicy } from "../src/use-cases/outbox-policy/index.ts";
import { PrismaClient } from "../src/generated/prisma/client.ts";
import { createLogger } from "../src/logger.ts";
import { startBotApiServer } from "../test/support/bot-api-server.ts";
import { writeBenchmarkSection } from "./benchmarks-file.ts";

const BULK = 1500;
const BULK_CHATS = 750;
const REPLY_EVERY_MS = 300;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

interface Measured {
  database: string;
  achieved: number;
  bulkRate: number;
  p50: number;
  p95: number;
  replies: number;
  limited: number;
  delivered: number;
  distinct: number;
  loopP99: number;
}

/** The embedded database, or a fresh database on the local PostgreSQL (the scale-out setup). */
async function openBenchDatabase(
  kind: "pglite" | "postgres",
): Promise<{ db: PrismaClient; close(): Promise<void> } | null> {
  if (kind === "pglite") {
    const pglite = await PGlite.create();
    await applyMigrations(pgliteTransactionOpener(pglite));
    const db = new PrismaClient({ adapter: pgliteAdapter(pglite) });
    return { db, close: async () => (await db.$disconnect(), await pglite.close()) };
  }
  const adminUrl = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch {
    process.stderr.write(`PostgreSQL not reachable at ${adminUrl}; measuring the embedded database only.\n`);
    return null;
  }
  const name = `seimbang_bench_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 10 });
  await applyMigrations(pgTransactionOpener(pool));
  const db = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    db,
    async close() {
      await db.$disconnect();
      await pool.end();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

async function measure(kind: "pglite" | "postgres", rate: number): Promise<Measured | null> {
  const opened = await openBenchDatabase(kind);
  if (!opened) return null;
  const { db } = opened;
  const server = await startBotApiServer();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();

  // A bulk push: 1,500 messages to 750 private chats (2 each), as the weekly alerts and reminders do.
  await db.$transaction(async (tx) => {
    for (let i = 0; i < BULK; i++) {
      const chatId = 5_000_000 + (i % BULK_CHATS);
      await enqueueMessage(tx, {
        dedupeKey: `bench:${i}`,
        chatId,
        method: "sendMessage",
        payload: { text: `bulk ${i}` },
        priority: PRIORITY.bulk,
      });
    }
  });

  const limiter = createSendLimiter({ ratePerSecond: rate });
  const telegram = new Telegram(server.token, { apiRoot: server.url });
  const raw = wrapTelegramApi(telegram, limiter);
  const sender = startOutboxSender({
    db,
    callApi: raw,
    limiter,
    logger: createLogger("warn"),
    ...deliveryPolicy({ ADMIN_TELEGRAM_IDS: [], DEFAULT_LOCALE: "id" }),
  });

  // Meanwhile people talk to the bot: replies go through the wrapped client, as the bot's own do.
  const delays: number[] = [];
  let replying = true;
  const replies = (async () => {
    let n = 0;
    await sleep(1000);
    while (replying) {
      const chatId = 6_000_000 + n++;
      const started = performance.now();
      void telegram.sendMessage(chatId, `reply ${n}`).then(() => delays.push(performance.now() - started));
      await sleep(REPLY_EVERY_MS);
    }
  })();

  const started = Date.now();
  while ((await db.outboxMessage.count({ where: { status: "PENDING" } })) > 0) {
    if (Date.now() - started > 300_000) throw new Error("bulk push did not drain in 5 minutes");
    await sleep(200);
  }
  replying = false;
  await replies;
  await sleep(1500);
  await sender.stop();

  loop.disable();
  const bulk = server.delivered().filter((c) => String(c.payload.text).startsWith("bulk "));
  const first = bulk[0]?.at ?? 0;
  const last = bulk.at(-1)?.at ?? 0;
  const result: Measured = {
    database: kind === "pglite" ? "PGlite (embedded, in-process)" : "PostgreSQL 15 (127.0.0.1)",
    // Replies share the ceiling with the push (that is the point), so the rate counts both.
    achieved:
      (server.delivered().filter((c) => c.at >= first && c.at <= last).length - 1) / ((last - first) / 1000),
    bulkRate: (bulk.length - 1) / ((last - first) / 1000),
    p50: percentile(delays, 50) / 1000,
    p95: percentile(delays, 95) / 1000,
    replies: delays.length,
    limited: server.calls.filter((c) => c.outcome === "limit-429").length,
    delivered: bulk.length,
    distinct: new Set(bulk.map((c) => c.payload.text)).size,
    loopP99: loop.percentile(99) / 1e6,
  };
  await server.close();
  await opened.close();
  return result;
}

async function main(): Promise<void> {
  const rate = Number(process.env.SEND_RATE_PER_SECOND ?? 25);
  const results = [await measure("pglite", rate), await measure("postgres", rate)].filter(
    (r): r is Measured => r !== null,
  );
  const section = [
    "## Delivery",
    "",
    `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench:delivery\` (bench/delivery.ts) on ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, Node ${process.version}.`,
    `A bulk push of ${BULK.toLocaleString("en")} messages to ${BULK_CHATS} private chats drains through the outbox sender against the Bot API stand-in`,
    "(test/support/bot-api-server.ts, which answers 429 above 30 messages/s overall, 20/min per group, 1/s per private chat),",
    `while an interactive reply goes to a new chat every ${REPLY_EVERY_MS} ms through the bot's wrapped client (wrapTelegramApi).`,
    `Ceiling: SEND_RATE_PER_SECOND = ${rate}/s. Targets: achieved rate ≥ 90% of the ceiling; reply delay p95 < 1.5 s; no 429.`,
    "",
    "| database | achieved send rate (bulk + replies) | % of ceiling | bulk alone | reply delay p50 / p95 | replies | 429s | delivered / distinct | event-loop delay p99 |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...results.map(
      (r) =>
        `| ${r.database} | ${r.achieved.toFixed(1)}/s | ${((r.achieved / rate) * 100).toFixed(0)}% | ${r.bulkRate.toFixed(1)}/s | ${r.p50.toFixed(2)} s / ${r.p95.toFixed(2)} s | ${r.replies} | ${r.limited} | ${r.delivered} / ${r.distinct} | ${r.loopP99.toFixed(0)} ms |`,
    ),
    "",
  ].join("\n");
  writeBenchmarkSection("## Delivery", section);
  process.stdout.write(`${section}\n`);
}

await main();
