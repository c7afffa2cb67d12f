// `npm run demo`: the Salor story end to end on the real code — no token, no internet. A Bot API
// stand-in runs on 127.0.0.1, the embedded database in a temporary folder; people are simulated by
// feeding updates to the real bot, and everything the bot says comes back over HTTP from the stand-in.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { Update } from "telegraf/types";
import { createBot } from "../src/bot/create-bot.ts";
import { openDatabase } from "../src/db/client.ts";
import { createSendLimiter, wrapTelegramApi } from "../src/delivery/limiter.ts";
import { startOutboxSender } from "../src/delivery/sender.ts";
import { formatDate, formatDateTime } from "../src/domain/time.ts";
import { runDailyLifecycle } from "../src/use-cases/lifecycle/index.ts";
import { createLogger } from "../src/logger.ts";
import { DEFAULT_TOKEN, startBotApiServer, type RecordedCall } from "../test/support/bot-api-server.ts";
import { createInvite } from "../src/use-cases/accounts/index.ts";
import { seedDemo } from "../src/use-cases/imports/index.ts";
import { deliveryPolicy } from "../src/use-cases/outbox-policy/index.ts";

type Person = { id: number; first_name: string; last_name?: string; language_code?: string };
type Keyboard = { inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>> };

const TZ = "Asia/Jayapura";
const admin: Person = { id: 1001, first_name: "Yohanes", last_name: "Kambu", language_code: "id" };
const head: Person = { id: 2001, first_name: "Maria", last_name: "Gebze", language_code: "id" };
const approver: Person = { id: 3001, first_name: "Rina", last_name: "Kaize", language_code: "id" };
const hrGroup = { id: -1002003004005, type: "supergroup" as const, title: "Tim Mutasi Disdik Merauke" };

// DEMO_FAST=1 (the test of this script) lifts Telegram's pacing in the stand-in and in the sender, so
// the story plays in seconds instead of a minute and a half; `npm run demo` keeps the real pacing.
const fast = process.env.DEMO_FAST === "1";
const noPacing = { perSecond: 1_000, groupPerMinute: 60_000, privateIntervalMs: 0 };

const out = (line = "") => process.stdout.write(`${line}\n`);
const plain = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
/** The first line after the prefix, the rest aligned under it. */
const indent = (text: string, prefix: string) =>
  text
    .split("\n")
    .join(`\n${" ".repeat(prefix.length)}`)
    .replace(/^/, prefix);

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "seimbang-demo-"));
  const api = await startBotApiServer(fast ? { limits: noPacing } : {});
  const logger = createLogger(process.env.LOG_LEVEL ?? "silent");
  const database = await openDatabase({ dataDir, serveSocket: false });
  const db = database.prisma;
  let shown = 0;
  let updateId = 1;
  let messageId = 1;
  try {
    await database.migrate();
    const now = new Date();
    const seeded = await db.$transaction((tx) => seedDemo(tx, { now, timeZone: TZ }), { timeout: 60_000 });
    out("Seimbang — demo Salor (offline: Bot API tiruan di 127.0.0.1, basis data tertanam sementara)");
    out(
      `Data contoh: ${seeded.units} unit, ${seeded.employees} pegawai, ${seeded.agencies} instansi.  ${formatDateTime(now, TZ)}`,
    );

    const config = {
      DEFAULT_LOCALE: "id" as const,
      ADMIN_TELEGRAM_IDS: [BigInt(admin.id)],
      SCHEDULE_TIMEZONE: TZ,
      WEEKLY_CHECK_CRON: "0 8 * * 1",
    };
    const bot = createBot(
      { config, db, clock: { now: () => new Date() }, logger },
      { token: DEFAULT_TOKEN, apiRoot: api.url },
    );
    const limiter = createSendLimiter(
      fast
        ? { ratePerSecond: 30, groupPerMinute: 60_000, privateIntervalMs: 0, marginMs: 0 }
        : { ratePerSecond: 25 },
    );
    const callApi = wrapTelegramApi(
      bot.telegram as unknown as Parameters<typeof wrapTelegramApi>[0],
      limiter,
    );
    bot.botInfo = await bot.telegram.getMe();
    const sender = startOutboxSender({
      db,
      callApi,
      limiter,
      logger,
      ...deliveryPolicy(config),
      options: { pollMs: fast ? 20 : 100 },
    });

    const names = new Map<string, string>([
      [String(admin.id), "Yohanes (admin BKPSDM)"],
      [String(head.id), "Maria (Kepala SD Negeri 5 Harapan Makmur)"],
      [String(approver.id), "Rina (tim mutasi Disdik)"],
      [String(hrGroup.id), hrGroup.title],
    ]);
    const who = (p: Person) => names.get(String(p.id)) ?? p.first_name;

    function showBotCalls(): void {
      for (const call of api.calls.slice(shown)) showCall(call);
      shown = api.calls.length;
    }
    function showCall(call: RecordedCall): void {
      if (call.outcome !== "ok") return;
      const chat = names.get(String(call.payload.chat_id)) ?? String(call.payload.chat_id ?? "");
      const keyboard = (
        typeof call.payload.reply_markup === "string"
          ? JSON.parse(call.payload.reply_markup)
          : call.payload.reply_markup
      ) as Keyboard | undefined;
      const buttons = keyboard?.inline_keyboard
        ?.flat()
        .map((b) => `[${b.text}]`)
        .join(" ");
      if (call.method === "sendMessage") out(indent(plain(String(call.payload.text)), `  🤖 → ${chat}: `));
      else if (call.method === "editMessageText")
        out(indent(plain(String(call.payload.text)), `  🤖 ✎ ${chat}: `));
      else if (call.method === "sendPhoto")
        out(`  🤖 → ${chat}: [grafik PNG] ${plain(String(call.payload.caption ?? ""))}`);
      else if (call.method === "sendDocument")
        out(`  🤖 → ${chat}: [berkas] ${plain(String(call.payload.caption ?? ""))}`);
      else if (call.method === "answerCallbackQuery" && call.payload.text)
        out(`  🤖 (notifikasi) ${plain(String(call.payload.text))}`);
      else return;
      if (buttons) out(`       ${buttons}`);
    }

    async function say(from: Person, text: string, chat?: typeof hrGroup): Promise<void> {
      out(`\n👤 ${who(from)}${chat ? ` di ${chat.title}` : ""}: ${text}`);
      const command = /^\/\S+/.exec(text);
      await bot.handleUpdate({
        update_id: updateId++,
        message: {
          message_id: messageId++,
          date: Math.floor(Date.now() / 1000),
          from: { is_bot: false, ...from },
          chat: chat ?? { id: from.id, type: "private", first_name: from.first_name },
          text,
          ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
        },
      } as Update);
      showBotCalls();
    }

    /** Presses the newest button whose label matches, in the chat where it was shown. */
    async function press(
      from: Person,
      label: RegExp,
      chatId: number = from.id,
      inMessage?: RegExp,
    ): Promise<void> {
      const found = [...api.calls]
        .reverse()
        .filter(
          (c) =>
            String(c.payload.chat_id) === String(chatId) &&
            (c.messageId !== undefined || c.method === "editMessageText"),
        )
        .filter((c) => !inMessage || inMessage.test(plain(String(c.payload.text ?? ""))))
        .map((c) => {
          const keyboard = (
            typeof c.payload.reply_markup === "string"
              ? JSON.parse(c.payload.reply_markup)
              : c.payload.reply_markup
          ) as Keyboard | undefined;
          const button = keyboard?.inline_keyboard?.flat().find((b) => label.test(b.text) && b.callback_data);
          return button ? { button, messageId: c.messageId ?? Number(c.payload.message_id) } : null;
        })
        .find(Boolean);
      if (!found) throw new Error(`No button ${label} in chat ${chatId}`);
      out(`\n👤 ${who(from)} menekan [${found.button.text}]`);
      await bot.handleUpdate({
        update_id: updateId++,
        callback_query: {
          id: String(updateId),
          from: { is_bot: false, ...from },
          chat_instance: "demo",
          data: found.button.callback_data,
          message: {
            message_id: found.messageId,
            date: Math.floor(Date.now() / 1000),
            chat: chatId < 0 ? hrGroup : { id: chatId, type: "private", first_name: from.first_name },
            text: "",
          },
        },
      } as Update);
      showBotCalls();
    }

    async function drainOutbox(): Promise<void> {
      for (let i = 0; i < 600; i++) {
        if ((await db.outboxMessage.count({ where: { status: "PENDING" } })) === 0 && sender.inFlight() === 0)
          break;
        await sleep(fast ? 20 : 100);
      }
      showBotCalls();
    }

    const lastText = (chatId: number) =>
      plain(
        String(
          [...api.calls]
            .reverse()
            .find((c) => c.method === "sendMessage" && String(c.payload.chat_id) === String(chatId))?.payload
            .text ?? "",
        ),
      );

    out("\n── 1. Admin BKPSDM membuat undangan dan menghubungkan grup HR ──");
    const headInvite = await createInvite(db, {
      target: { kind: "unit", unitCode: "SDN-05" },
      createdBy: "demo",
      now,
    });
    const hrInvite = await createInvite(db, {
      target: { kind: "hr", agencyCode: "DISDIK" },
      createdBy: "demo",
      now,
    });
    out(
      `  (CLI) seimbang invite unit SDN-05 → kode ${headInvite.code}; seimbang invite hr DISDIK → kode ${hrInvite.code}`,
    );
    await say(admin, "/hubungkan DISDIK", hrGroup);

    out("\n── 2. Kepala sekolah mendaftar dan melaporkan lowongan ──");
    await say(head, `/start ${headInvite.code}`);
    await say(head, "/lowongan");
    // SD Negeri 5 has seven classes and no class teacher left: all seven posts are open, and the
    // workload she reports next (7 rombel × 24 JP, 0 teachers) tells the same story (issue 25).
    await press(head, /Guru Kelas/);
    await say(head, "7");
    await press(head, /Mutasi keluar/);
    await press(head, /Bulan ini/);
    await press(head, /^Kirim$/);
    await drainOutbox();

    out("\n── 3. Kepala sekolah melaporkan beban kerja bulan ini ──");
    await say(head, "/beban");
    for (let step = 0; step < 12; step++) {
      const question = lastText(head.id);
      if (/Guru Kelas SD/.test(question) && /rombel/.test(question)) {
        await press(head, /rombel/i);
        await say(head, "7");
      } else if (/dibutuhkan/.test(question)) {
        const hours = /Kepala Sekolah|Administrasi/.test(question) ? "37.5" : "21";
        await say(head, hours);
      } else break;
    }
    await press(head, /^Lanjut$/);
    await press(head, /^Kirim$/);

    out("\n── 4. Tim mutasi mendaftar; pemeriksaan mingguan dijalankan ──");
    await say(approver, `/start ${hrInvite.code}`);
    await say(approver, "/cek", hrGroup);
    await drainOutbox();

    out("\n── 5. Tim mutasi memutuskan usulan untuk sekolah Maria ──");
    // One digest for the whole check; the most short school (Maria's) opens its first page.
    const forMaria = /🏫 SD Negeri 5 Harapan Makmur/;
    await press(approver, /Rincian/, hrGroup.id, forMaria);
    await press(approver, /Setujui/, hrGroup.id, forMaria);
    await drainOutbox();

    // The team's approval is its advice; the PPK's decree (SK) follows, and the move happens on its TMT.
    out("\n── 6. Admin BKPSDM mencatat SK mutasi dari Bupati ──");
    const approved = await db.proposal.findFirst({ where: { status: "APPROVED" }, orderBy: { id: "asc" } });
    if (approved) {
      const today = formatDate(now, TZ);
      // Signed today, in force from tomorrow (an SK recorded on or after its TMT takes effect at once).
      const tmtDay = new Date(now.getTime() + 24 * 60 * 60 * 1000);
      const tmt = formatDate(tmtDay, TZ);
      await say(
        admin,
        `/sk ${approved.id} 800.1.6.2/${approved.id}/BKPSDM/${today.slice(-4)} ${today} ${tmt}`,
      );
      await drainOutbox();

      out("\n── 7. Pukul 06.00 WIT pada TMT: mutasi berlaku ──");
      const run = await runDailyLifecycle(
        { db, logger },
        { now: tmtDay, timeZone: TZ, defaultLocale: "id", adminIds: config.ADMIN_TELEGRAM_IDS },
      );
      out(`  (tugas harian) ${run.effective} mutasi berlaku, ${run.cancelled} dibatalkan`);
      await drainOutbox();
    }

    const transfer = await db.transfer.findFirst({
      include: { employee: true, fromUnit: true, toUnit: true },
      orderBy: { id: "asc" },
    });
    out("\n── Hasil ──");
    if (transfer) {
      out(
        `Mutasi tercatat: ${transfer.employee.name} (NIP ${transfer.employee.nip}) dari ${transfer.fromUnit.name} ke ${transfer.toUnit.name}, TMT ${formatDate(transfer.effectiveDate, "UTC")}.`,
      );
    } else {
      out("Tidak ada mutasi yang tercatat.");
      process.exitCode = 1;
    }
    const pending = await db.proposal.count({ where: { status: "PENDING" } });
    out(
      `Usulan lain menunggu keputusan: ${pending}. Jejak audit: ${await db.auditLog.count()} baris di basis data sementara demo ini, yang dihapus saat demo selesai (pada bot sungguhan: seimbang status --json).`,
    );
    // The stand-in refuses what Telegram refuses: the story counts only if Telegram would have shown all of it.
    const refused = api.refused.filter((r) => !r.injected);
    out(`Panggilan yang ditolak Telegram: ${refused.length}.`);
    for (const r of refused) out(`  ${r.method}: ${r.description}`);
    if (refused.length > 0) process.exitCode = 1;

    await sender.stop(5_000);
    await limiter.stop(true);
  } finally {
    await database.close();
    await api.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
