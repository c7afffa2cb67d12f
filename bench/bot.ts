/**
 * Benchmark of update handling (npm run bench:bot): updates per second and handling latency for
 * three kinds of update, on embedded PGlite and on PostgreSQL, beside a bare telegraf handler on the
 * same Bot API stand-in, so that the ratio shows what our middleware and database work cost.
 *
 * Every bot talks HTTP to test/support/bot-api-server.ts on 127.0.0.1 (limits lifted), as it would to
 * Telegram. Latency: one update at a time. Throughput: CONCURRENCY updates in flight. The results
 * replace the "## Bot" section of BENCHMARKS.md and leave other sections alone.
 */
import { cpus, loadavg } from "node:os";
import { Telegraf } from "telegraf";
import type { Update } from "telegraf/types";
import { createBot } from "../src/bot/create-bot.ts";
import { systemClock } from "../src/domain/clock.ts";
import type { PrismaClient } from "../src/generated/prisma/client.ts";
import { createLogger } from "../src/logger.ts";
import { startBotApiServer, type BotApiServer } from "../test/support/bot-api-server.ts";
import { writeBenchmarkSection } from "./benchmarks-file.ts";
import {
  botInfo,
  openPglite,
  openPostgres,
  parseMarkup,
  percentile,
  person,
  press,
  seed,
  text,
  type Backend,
} from "./bot-fixtures.ts";

const WARMUP = 50;
const SEQUENTIAL = Number(process.env.BENCH_SEQUENTIAL ?? 400);
const CONCURRENT = Number(process.env.BENCH_CONCURRENT ?? 1000);
const CONCURRENCY = 8;
const USERS = 200;
const TARGETS = { perSecond: 300, p99Ms: 50, ratio: 3 };

interface Result {
  subject: string;
  scenario: string;
  perSecond: number;
  cpuMs: number;
  p50: number;
  p99: number;
  mean: number;
  queriesPerUpdate: number | null;
}

// ---------------------------------------------------------------- measuring

async function latency(
  handle: (u: Update) => Promise<void>,
  make: (i: number) => Update,
  from: number,
  n: number,
) {
  const times: number[] = [];
  for (let i = from; i < from + n; i++) {
    const update = make(i);
    const started = process.hrtime.bigint();
    await handle(update);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    mean: times.reduce((s, t) => s + t, 0) / times.length,
  };
}

async function throughput(
  handle: (u: Update) => Promise<void>,
  make: (i: number) => Update,
  from: number,
  n: number,
) {
  const updates = Array.from({ length: n }, (_, k) => make(from + k));
  let next = 0;
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < updates.length) {
        const update = updates[next++];
        if (update) await handle(update);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  // This process's CPU per update: unlike wall time, barely moved by other load on the machine.
  return { perSecond: n / seconds, cpuMs: (used.user + used.system) / 1000 / n };
}

interface Scenario {
  name: string;
  /** Update number i (users are reused round-robin unless the scenario needs fresh ones). */
  make: (i: number) => Update;
  /** Users needed in a state before update i can be measured, prepared outside the timing. */
  prepare?: (handle: (u: Update) => Promise<void>, from: number, n: number) => Promise<void>;
  check?: (prisma: PrismaClient, server: BotApiServer) => Promise<void>;
}

async function run(
  subject: string,
  scenario: Scenario,
  handle: (u: Update) => Promise<void>,
  backend: Backend | null,
): Promise<Result> {
  let base = 0;
  const block = async (n: number) => {
    await scenario.prepare?.(handle, base, n);
    const from = base;
    base += n;
    return from;
  };
  await latency(handle, scenario.make, await block(WARMUP), WARMUP);
  let queriesPerUpdate: number | null = null;
  if (backend) {
    const profile = await block(20);
    backend.queries.count = 0;
    backend.queries.enabled = true;
    await latency(handle, scenario.make, profile, 20);
    backend.queries.enabled = false;
    queriesPerUpdate = backend.queries.count / 20;
  }
  const seq = await latency(handle, scenario.make, await block(SEQUENTIAL), SEQUENTIAL);
  const { perSecond, cpuMs } = await throughput(handle, scenario.make, await block(CONCURRENT), CONCURRENT);
  const result = { subject, scenario: scenario.name, perSecond, cpuMs, ...seq, queriesPerUpdate };
  process.stdout.write(
    `${subject.padEnd(10)} ${scenario.name.padEnd(28)} ${perSecond.toFixed(0).padStart(6)}/s  p50 ${seq.p50.toFixed(2)} ms  p99 ${seq.p99.toFixed(2)} ms  cpu ${cpuMs.toFixed(2)} ms` +
      (queriesPerUpdate === null ? "" : `  ${queriesPerUpdate.toFixed(1)} statements/update`) +
      "\n",
  );
  return result;
}

/** The conversation's count step needs each person at it: /lowongan, then the role button. */
function vacancyCountScenario(server: BotApiServer): Scenario {
  return {
    name: "conversation step (count)",
    make: (i) => text(i, "2"),
    async prepare(handle, from, n) {
      await inParallel(from, n, async (i) => {
        await handle(text(i, "/lowongan"));
        const chatId = person(i).id;
        const asked = server.calls.findLast(
          (c) => c.method === "sendMessage" && Number(c.payload.chat_id) === chatId,
        );
        const markup = parseMarkup(asked?.payload.reply_markup);
        const data = markup?.inline_keyboard?.flat().find((b) => b.text === "Guru Kelas SD")?.callback_data;
        if (!data || !asked?.messageId)
          throw new Error(`no role button for ${chatId}: ${String(asked?.payload.text)}`);
        await handle(press(i, data, asked.messageId));
      });
    },
    async check(_prisma, s) {
      const last = s.calls.findLast((c) => c.method === "sendMessage");
      if (!String(last?.payload.text).includes("Apa penyebab lowongan"))
        throw new Error(`count step answered: ${String(last?.payload.text)}`);
    },
  };
}

async function inParallel(from: number, n: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = from;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < from + n) await work(next++);
    }),
  );
}

// ---------------------------------------------------------------- main

async function benchOurs(backend: Backend, server: BotApiServer): Promise<Result[]> {
  // Fresh people for every conversation step, so seed enough heads for all of them.
  const needed = WARMUP + 20 + SEQUENTIAL + CONCURRENT;
  await seed(backend.prisma, needed);
  const logger = createLogger("silent");
  const bot = createBot(
    {
      config: { DEFAULT_LOCALE: "id", ADMIN_TELEGRAM_IDS: [], SCHEDULE_TIMEZONE: "Asia/Jayapura" },
      db: backend.prisma,
      clock: systemClock,
      logger,
    },
    { token: server.token, apiRoot: server.url },
  );
  bot.botInfo = botInfo;
  const handle = (u: Update) => bot.handleUpdate(u);
  const scenarios: Scenario[] = [
    {
      name: "/start (registered head)",
      make: (i) => text(i % USERS, "/start"),
      async check(_p, s) {
        const last = s.calls.findLast((c) => c.method === "sendMessage");
        if (!String(last?.payload.text).includes("SD Negeri 1 Salor"))
          throw new Error(`/start answered: ${String(last?.payload.text)}`);
      },
    },
    vacancyCountScenario(server),
    {
      name: "button press (language)",
      make: (i) => press(i % USERS, "lang:id"),
      async check(_p, s) {
        const last = s.calls.findLast((c) => c.method === "editMessageText");
        if (!String(last?.payload.text).includes("Bahasa Indonesia"))
          throw new Error(`language press answered: ${String(last?.payload.text)}`);
      },
    },
  ];
  const results: Result[] = [];
  for (const scenario of scenarios) {
    results.push(await run(backend.name, scenario, handle, backend));
    await scenario.check?.(backend.prisma, server);
  }
  const processed = await backend.prisma.processedUpdate.count();
  if (processed < needed) throw new Error(`only ${processed} updates were recorded`);
  return results;
}

async function benchBare(server: BotApiServer): Promise<Result> {
  const bot = new Telegraf(server.token, { telegram: { apiRoot: server.url } });
  bot.botInfo = botInfo;
  bot.start((ctx) => ctx.reply("hi"));
  return run(
    "bare",
    { name: "/start (telegraf only)", make: (i) => text(i % USERS, "/start") },
    (u) => bot.handleUpdate(u),
    null,
  );
}

function renderSection(results: Result[], bare: Result): string {
  const ms = (v: number) => v.toFixed(2);
  const rows = results.map((r) => {
    const ratio = r.mean / bare.mean;
    return `| ${r.subject} | ${r.scenario} | ${r.perSecond.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.mean)} | ${ms(r.cpuMs)} | ${ratio.toFixed(1)}× | ${r.queriesPerUpdate?.toFixed(1) ?? "–"} |`;
  });
  const pgResults = results.filter((r) => r.subject === "PostgreSQL");
  const verdict = (ok: boolean) => (ok ? "met" : "**missed**");
  const minRate = Math.min(...pgResults.map((r) => r.perSecond));
  const maxP99 = Math.max(...pgResults.map((r) => r.p99));
  const maxRatio = Math.max(...pgResults.map((r) => r.mean / bare.mean));
  return [
    "## Bot",
    "",
    `Updates through \`bot.handleUpdate\`, every Bot API call over HTTP to the stand-in (test/support/bot-api-server.ts) on`,
    `127.0.0.1, Node ${process.version}, ${cpus()[0]?.model ?? "unknown CPU"} × ${cpus().length}, ${new Date().toISOString().slice(0, 10)}.`,
    `Latency: ${SEQUENTIAL} updates one at a time (after ${WARMUP} to warm up). Throughput: ${CONCURRENT} updates, ${CONCURRENCY} in flight.`,
    `Cost ratio: mean latency against the bare telegraf handler (\`bot.start(ctx => ctx.reply("hi"))\`) on the same stand-in.`,
    `CPU ms: this process's CPU time per update during the throughput run (the bot's own cost; the database server's is not counted).`,
    `Statements: database statements per update (Prisma query log; BEGIN/COMMIT included).`,
    "",
    "| database | update | updates/s | p50 ms | p99 ms | mean ms | CPU ms | × bare | statements |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    `| – | ${bare.scenario} | ${bare.perSecond.toFixed(0)} | ${ms(bare.p50)} | ${ms(bare.p99)} | ${ms(bare.mean)} | ${ms(bare.cpuMs)} | 1.0× | 0 |`,
    ...rows,
    "",
    `Load average when the run ended: ${loadavg()[0]?.toFixed(1)} on ${cpus().length} CPUs (a shared machine inflates wall times).`,
    "",
    pgResults.length > 0
      ? `Targets on PostgreSQL: ≥ ${TARGETS.perSecond} updates/s (slowest: ${minRate.toFixed(0)}) ${verdict(minRate >= TARGETS.perSecond)}; ` +
        `p99 < ${TARGETS.p99Ms} ms (worst: ${ms(maxP99)}) ${verdict(maxP99 < TARGETS.p99Ms)}; ` +
        `≤ ${TARGETS.ratio}× the bare handler (worst: ${maxRatio.toFixed(1)}×) ${verdict(maxRatio <= TARGETS.ratio)}.`
      : "PostgreSQL was not reachable; only PGlite was measured.",
    "",
  ].join("\n");
}

async function main(): Promise<void> {
  // Limits lifted: the bench measures handling, not Telegram's flood control (delivery/ has its own bench).
  const server = await startBotApiServer({
    limits: { perSecond: 1e9, groupPerMinute: 1e9, privateIntervalMs: 0 },
  });
  const results: Result[] = [];
  try {
    const bare = await benchBare(server);
    for (const open of [openPglite, openPostgres]) {
      const backend = await open();
      if (!backend) continue;
      try {
        results.push(...(await benchOurs(backend, server)));
      } finally {
        await backend.close();
      }
      server.calls.length = 0;
    }
    const section = renderSection(results, bare);
    writeBenchmarkSection("## Bot", section);
    process.stdout.write(`\n${section}`);
  } finally {
    await server.close();
  }
}

await main();
