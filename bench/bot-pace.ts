/**
 * Benchmark of how soon the next question follows a person's answer (npm run bench:bot, issue 25):
 * a head opens /lowongan, reads the question for a moment, presses a role button, reads again and
 * types a count. What is measured is the wait from the press (or the typed answer) until the bot's
 * next question has reached the Bot API stand-in, through the same limiter main.ts wires, side by
 * side for two wirings of it:
 *
 * - "reply edits outside the gap": the edit that closes the pressed keyboard is within the overall
 *   rate but not the private chat's one-a-second gap (what main.ts does since issue 25);
 * - "every call in the gap": that edit waits for the chat's gap like a message (before issue 25).
 *
 * The stand-in's own per-chat limit is lifted: the limiter is what is measured. The results replace
 * the "## Bot: press → next question" section of BENCHMARKS.md.
 */
import { cpus, loadavg } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { createBot } from "../src/bot/create-bot.ts";
import { systemClock } from "../src/domain/clock.ts";
import {
  createSendLimiter,
  LIMITER_PRIORITY,
  wrapTelegramApi,
  type CallApi,
  type SendLimiter,
} from "../src/delivery/limiter.ts";
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

const PEOPLE = Number(process.env.BENCH_PACE_PEOPLE ?? 48);
/** A person reads the question this long before answering (more than the chat's one-second gap). */
const THINK_MS = 1200;
const CONCURRENCY = 8;

type Telegramish = { callApi: (...args: never[]) => Promise<unknown> };

interface Wiring {
  name: string;
  wrap(telegram: Telegramish, limiter: SendLimiter): void;
}

/** Before issue 25: every message call, the press's edit included, waits for the chat's gap. */
function everyCallInTheGap(telegram: Telegramish, limiter: SendLimiter): void {
  const target = telegram as unknown as { callApi: CallApi };
  const raw = target.callApi.bind(target);
  target.callApi = (method, payload, extra) => {
    const chatId = (payload as { chat_id?: unknown } | null)?.chat_id;
    if (!/^(send|editMessage)/.test(method) || chatId === undefined) return raw(method, payload, extra);
    return limiter.schedule(String(chatId), LIMITER_PRIORITY.interactive, () => raw(method, payload, extra));
  };
}

const WIRINGS: Wiring[] = [
  { name: "reply edits outside the gap (now)", wrap: (t, l) => void wrapTelegramApi(t, l) },
  { name: "every call in the gap (before)", wrap: everyCallInTheGap },
];

interface Result {
  backend: string;
  wiring: string;
  press: number[];
  typed: number[];
}

function lastQuestion(server: BotApiServer, chatId: number) {
  return server.calls.findLast((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === chatId);
}

async function measure(backend: Backend, server: BotApiServer, wiring: Wiring, first: number) {
  const limiter = createSendLimiter();
  const bot = createBot(
    {
      config: { DEFAULT_LOCALE: "id", ADMIN_TELEGRAM_IDS: [], SCHEDULE_TIMEZONE: "Asia/Jayapura" },
      db: backend.prisma,
      clock: systemClock,
      logger: createLogger("silent"),
    },
    { token: server.token, apiRoot: server.url },
  );
  bot.botInfo = botInfo;
  wiring.wrap(bot.telegram as unknown as Telegramish, limiter);
  const result: Result = { backend: backend.name, wiring: wiring.name, press: [], typed: [] };
  const timed = async (work: () => Promise<void>) => {
    const started = performance.now();
    await work();
    return performance.now() - started;
  };
  let next = first;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < first + PEOPLE) {
        const i = next++;
        const chatId = person(i).id;
        await bot.handleUpdate(text(i, "/lowongan"));
        const asked = lastQuestion(server, chatId);
        const markup = parseMarkup(asked?.payload.reply_markup);
        const data = markup?.inline_keyboard?.flat().find((b) => b.text === "Guru Kelas SD")?.callback_data;
        if (!data || !asked?.messageId) throw new Error(`no role button for ${chatId}`);
        await sleep(THINK_MS);
        result.press.push(await timed(() => bot.handleUpdate(press(i, data, asked.messageId))));
        const count = lastQuestion(server, chatId);
        if (count === asked) throw new Error(`no question after the press for ${chatId}`);
        await sleep(THINK_MS);
        result.typed.push(await timed(() => bot.handleUpdate(text(i, "2"))));
        const cause = String(lastQuestion(server, chatId)?.payload.text);
        if (!cause.includes("Apa penyebab lowongan")) throw new Error(`the count step answered: ${cause}`);
      }
    }),
  );
  await limiter.stop(false);
  process.stdout.write(
    `${backend.name.padEnd(10)} ${wiring.name.padEnd(36)} press p50 ${median(result.press).toFixed(0)} ms p95 ${p95(result.press).toFixed(0)} ms · typed p50 ${median(result.typed).toFixed(0)} ms p95 ${p95(result.typed).toFixed(0)} ms\n`,
  );
  return result;
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const median = (values: number[]) => percentile(sorted(values), 50);
const p95 = (values: number[]) => percentile(sorted(values), 95);

function renderSection(results: Result[], refused: number): string {
  const ms = (v: number) => v.toFixed(0);
  const rows = results.map(
    (r) =>
      `| ${r.backend} | ${r.wiring} | ${ms(median(r.press))} | ${ms(p95(r.press))} | ${ms(median(r.typed))} | ${ms(p95(r.typed))} |`,
  );
  const ratios = ["PGlite", "PostgreSQL"].flatMap((name) => {
    const now = results.find((r) => r.backend === name && r.wiring === WIRINGS[0]?.name);
    const before = results.find((r) => r.backend === name && r.wiring === WIRINGS[1]?.name);
    if (!now || !before) return [];
    return [`${name}: ${(median(before.press) / median(now.press)).toFixed(0)}× sooner after a press`];
  });
  return [
    "## Bot: press → next question",
    "",
    `From a person's press (or typed answer) to the bot's next question at the Bot API stand-in, through the`,
    `limiter main.ts wires (npm run bench:bot). ${PEOPLE} heads per row, ${CONCURRENCY} at a time, each reading`,
    `${THINK_MS} ms before answering: /lowongan → press "Guru Kelas SD" → type "2". Node ${process.version},`,
    `${cpus()[0]?.model ?? "unknown CPU"} × ${cpus().length}, ${new Date().toISOString().slice(0, 10)}; both wirings side by side in one run.`,
    "",
    "| database | limiter wiring | press p50 ms | press p95 ms | typed p50 ms | typed p95 ms |",
    "| --- | --- | ---: | ---: | ---: | ---: |",
    ...rows,
    "",
    `Median ratio, before ÷ now: ${ratios.join("; ")}. Calls the stand-in refused: ${refused}.`,
    `Load average when the run ended: ${loadavg()[0]?.toFixed(1)} on ${cpus().length} CPUs.`,
    "",
  ].join("\n");
}

async function main(): Promise<void> {
  // The stand-in's per-chat gap is lifted: the limiter under test keeps it.
  const server = await startBotApiServer({ limits: { privateIntervalMs: 0 } });
  const results: Result[] = [];
  try {
    for (const open of [openPglite, openPostgres]) {
      const backend = await open();
      if (!backend) continue;
      try {
        await seed(backend.prisma, PEOPLE * WIRINGS.length);
        for (const [index, wiring] of WIRINGS.entries())
          results.push(await measure(backend, server, wiring, index * PEOPLE));
      } finally {
        await backend.close();
      }
    }
    const refused = server.calls.filter((c) => c.outcome !== "ok").length;
    const section = renderSection(results, refused);
    writeBenchmarkSection("## Bot: press → next question", section);
    process.stdout.write(`\n${section}`);
  } finally {
    await server.close();
  }
}

await main();
