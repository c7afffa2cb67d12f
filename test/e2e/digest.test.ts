import { beforeAll, describe, expect, it } from "vitest";
import { createSendLimiter } from "../../src/delivery/limiter.ts";
import { startOutboxSender } from "../../src/delivery/sender.ts";
import { createLogger } from "../../src/logger.ts";
import { expireProposals } from "../../src/use-cases/proposals/index.ts";
import { seedDemo } from "../../src/use-cases/imports/index.ts";
import { startBotApiServer, type RecordedCall } from "../support/bot-api-server.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { onClock, simulatedClock, standInCallApi, waitForDrain } from "../support/delivery.ts";
import { buildTestBot, fixedClock, type TestBot } from "../support/harness.ts";
import { callbackUpdate, sentTexts, textUpdate, type ApiCall } from "../support/telegram.ts";
import { deliveryPolicy } from "../../src/use-cases/outbox-policy/index.ts";

const HR_CHAT = { id: -1002003004005, type: "supergroup" as const, title: "Tim Mutasi Disdik Merauke" };
const rina = { id: 3001, first_name: "Rina", last_name: "Kaize", language_code: "id" };
const yosef = { id: 3002, first_name: "Yosef", last_name: "Gebze", language_code: "id" };
const stranger = { id: 3999, first_name: "Tamu" };
const ADMIN_ID = 1001;

type Keyboard = { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> };
const keyboardOf = (payload: Record<string, unknown>): Keyboard =>
  (typeof payload.reply_markup === "string"
    ? JSON.parse(payload.reply_markup)
    : payload.reply_markup) as Keyboard;
const edits = (calls: ApiCall[]) => calls.filter((c) => c.method === "editMessageText");
const answers = (calls: ApiCall[]) =>
  calls.filter((c) => c.method === "answerCallbackQuery").map((c) => c.payload);

/**
 * The Salor demo's weekly check as the HR group lives it: one alert, one chart, one digest — not
 * twenty cards — delivered under Telegram's limits, then decided from the digest.
 */
describe.skipIf(skipPg)("the check's digest in the HR group", () => {
  const db = useTestDatabase({ resetEach: false });
  let t: TestBot;
  let delivered: RecordedCall[] = [];
  let drainedInMs = 0;
  let digestMessageId = 0;
  let summary = "";

  beforeAll(async () => {
    const now = new Date("2026-11-30T00:00:00Z"); // Monday 09:00 WIT
    await db.prisma.$transaction((tx) => seedDemo(tx, { now, timeZone: "Asia/Jayapura" }), {
      timeout: 60_000,
    });
    const disdik = await db.prisma.agency.findUniqueOrThrow({ where: { code: "DISDIK" } });
    // Dinas Kesehatan has no HR group: its proposal must reach the admins, not wait in silence.
    await db.prisma.hrGroup.create({
      data: { chatId: BigInt(HR_CHAT.id), title: HR_CHAT.title, agencyId: disdik.id },
    });
    for (const p of [rina, yosef])
      await db.prisma.user.create({
        data: {
          telegramId: BigInt(p.id),
          name: `${p.first_name} ${p.last_name}`,
          role: "HR_APPROVER",
          agencyId: disdik.id,
        },
      });
    t = buildTestBot(db.prisma, { clock: fixedClock("2026-11-30T00:00:00Z"), adminIds: [BigInt(ADMIN_ID)] });
    await t.send(textUpdate(rina, "/cek", HR_CHAT));
    summary = sentTexts(t.calls).at(-1) ?? "";

    // The outbox drains through the real sender against the Bot API stand-in with Telegram's limits
    // (20 messages a minute in a group), on a simulated clock.
    const clock = simulatedClock();
    const server = await startBotApiServer({ now: clock.now });
    const sender = startOutboxSender({
      db: onClock(db.prisma, clock),
      callApi: standInCallApi(server, clock),
      limiter: createSendLimiter({ clock }),
      logger: createLogger("silent"),
      // Where a sent card sits is remembered, as main.ts wires it.
      ...deliveryPolicy({ ADMIN_TELEGRAM_IDS: [], DEFAULT_LOCALE: "id" }),
      clock,
    });
    try {
      drainedInMs = await waitForDrain(db.prisma, 60_000, clock);
    } finally {
      await sender.stop();
      await server.close();
    }
    expect(server.refused).toEqual([]);
    delivered = server.delivered();
    digestMessageId = delivered.find((c) => String(c.payload.text ?? "").includes("🗂"))?.messageId ?? 0;
  }, 240_000);

  it("reaches the group in at most 5 messages within 10 s, and counts the proposal with no group apart", async () => {
    expect(summary).toContain("21 usulan: 19 dikirim ke tim, 2 menunggu grup HR");
    const toGroup = delivered.filter((c) => String(c.payload.chat_id) === String(HR_CHAT.id));
    expect(toGroup.map((c) => c.method)).toEqual(["sendMessage", "sendPhoto", "sendMessage"]);
    expect(toGroup.length).toBeLessThanOrEqual(5);
    expect(drainedInMs).toBeLessThanOrEqual(10_000);
    // Telegram's 20 a minute per group spaces them about 3 s apart: the last one lands within 10 s.
    const span = (toGroup.at(-1)?.at ?? 0) - (toGroup[0]?.at ?? 0);
    expect(span).toBeGreaterThanOrEqual(6_000);
    expect(span).toBeLessThanOrEqual(10_000);

    const [alert, , digest] = toGroup.map((c) => String(c.payload.text ?? c.payload.caption));
    expect(alert).toContain("19 usulan mutasi ada di pesan ringkasan berikut");
    // One number format for load, JP for teachers, no ∞, no ABK letter.
    expect(alert).toMatch(/(sangat kekurangan|kekurangan) (guru|pegawai) \(beban \d+%\)/);
    expect(alert).not.toMatch(/∞|kelas [A-E]/);
    expect(digest).toContain("19 usulan · menunggu 19 · disetujui 0 · ditolak 0");
    expect(digest).toContain("Halaman 1/");
    expect(digest).toMatch(/di sini kurang \d+ → \d+ JP/);
    expect(digest).toMatch(/\d+ JP dibutuhkan, \d+ tersisa diajar/);
    expect(digest).not.toContain("∞");

    // Every proposal of DISDIK's run is on one page of the digest, whose message is their card.
    const proposals = await db.prisma.proposal.findMany({ include: { agency: true } });
    const disdik = proposals.filter((p) => p.agency.code === "DISDIK");
    expect(disdik).toHaveLength(19);
    for (const p of disdik) expect(p.cardMessageId).toBe(digestMessageId);
    expect(await db.prisma.proposalDigest.findFirstOrThrow()).toMatchObject({ messageId: digestMessageId });

    // The admin hears of the Dinkes proposal nobody was shown.
    const toAdmin = delivered.filter((c) => String(c.payload.chat_id) === String(ADMIN_ID));
    expect(toAdmin).toHaveLength(1);
    const notice = String(toAdmin[0]?.payload.text);
    expect(notice).toContain("2 usulan mutasi untuk <b>Dinas Kesehatan");
    expect(notice).toContain("/hubungkan DINKES");
    const dinkes = proposals.filter((p) => p.agency.code === "DINKES");
    expect(dinkes).toHaveLength(2);
    for (const p of dinkes) {
      expect(notice).toContain(`#${p.id}`);
      expect(p.cardMessageId).toBeNull();
    }
  });

  it("pages with ◀ ▶, then Setujui on the digest approves and edits it in place; a second press changes nothing", async () => {
    const digestRow = await db.prisma.proposalDigest.findFirstOrThrow();
    const at = { message_id: digestMessageId, chatId: HR_CHAT.id };
    t.mark();
    await t.send(callbackUpdate(rina, `dg:${digestRow.id}:2`, at));
    const [paged] = edits(t.since());
    expect(paged?.payload).toMatchObject({ chat_id: String(HR_CHAT.id), message_id: digestMessageId });
    expect(String(paged?.payload.text)).toContain("Halaman 2/");
    expect((await db.prisma.proposalDigest.findUniqueOrThrow({ where: { id: digestRow.id } })).page).toBe(2);

    const keyboard = keyboardOf(paged?.payload ?? {});
    const approve = keyboard.inline_keyboard.flat().find((b) => b.callback_data.startsWith("p:a:"));
    expect(approve?.text).toMatch(/^✅ Setujui #\d+$/);
    const id = Number(approve?.callback_data.split(":")[2]);

    t.mark();
    await t.send(callbackUpdate(rina, `p:a:${id}`, at));
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "APPROVED",
    });
    // Approved by the team, menunggu SK: nobody moves before the TMT (issue 15).
    expect(await db.prisma.transfer.count({ where: { proposalId: id } })).toBe(0);
    const [decided] = edits(t.since());
    expect(decided?.payload).toMatchObject({ message_id: digestMessageId });
    const text = String(decided?.payload.text);
    // The same page, re-read: the count moved and the proposal shows its outcome.
    expect(text).toContain("Halaman 2/");
    expect(text).toContain("menunggu 18 · disetujui 1");
    expect(text).toContain("✅ <b>Disetujui tim</b> (Rina Kaize, 30-11-2026 09:00 WIT); menunggu SK");
    const rows = keyboardOf(decided?.payload ?? {}).inline_keyboard;
    expect(rows.find((r) => r.some((b) => b.callback_data === `p:d:${id}`))).toEqual([
      { text: `ℹ️ Rincian #${id}`, callback_data: `p:d:${id}` },
    ]);

    // A double press, and a second approver late: one outcome, the later press told who decided.
    t.mark();
    await t.send(callbackUpdate(rina, `p:a:${id}`, at));
    await t.send(callbackUpdate(yosef, `p:a:${id}`, at));
    expect(answers(t.since())).toHaveLength(2);
    for (const a of answers(t.since())) {
      expect(a).toMatchObject({ show_alert: true });
      expect(String(a.text)).toContain("Rina Kaize");
    }
    expect(edits(t.since())).toHaveLength(0);
    expect(await db.prisma.decision.count({ where: { proposalId: id } })).toBe(1);
    expect(await db.prisma.transfer.count({ where: { proposalId: id } })).toBe(0);

    // A stranger's press is refused and changes nothing.
    const other = keyboard.inline_keyboard.flat().filter((b) => b.callback_data.startsWith("p:a:"))[1];
    const otherId = Number(other?.callback_data.split(":")[2]);
    t.mark();
    await t.send(callbackUpdate(stranger, `p:a:${otherId}`, at));
    expect(answers(t.since())).toEqual([
      expect.objectContaining({
        text: "Hanya tim mutasi instansi ini yang dapat memutuskan usulan ini.",
        show_alert: true,
      }),
    ]);
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: otherId } })).toMatchObject({
      status: "PENDING",
    });
  });

  it("Tolak from the digest asks for the reason, then edits the digest at that proposal's page", async () => {
    const pending = await db.prisma.proposal.findFirstOrThrow({
      where: { status: "PENDING", agency: { code: "DISDIK" } },
      orderBy: { id: "desc" },
    });
    const at = { message_id: digestMessageId, chatId: HR_CHAT.id };
    t.mark();
    await t.send(callbackUpdate(yosef, `p:r:${pending.id}`, at));
    expect(sentTexts(t.since()).at(-1)).toContain(`#${pending.id}`);
    await t.send(textUpdate(yosef, "Sekolah asal juga kekurangan guru", HR_CHAT));
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({
      status: "REJECTED",
    });
    const [edit] = edits(t.since());
    expect(edit?.payload).toMatchObject({ message_id: digestMessageId });
    const text = String(edit?.payload.text);
    expect(text).toContain(`#${pending.id}`);
    expect(text).toContain("❌ <b>Ditolak</b> oleh Yosef Gebze");
    expect(text).toContain("ditolak 1");
  });

  it("a page past the end, or a press from another chat, changes nothing", async () => {
    const digestRow = await db.prisma.proposalDigest.findFirstOrThrow();
    t.mark();
    await t.send(
      callbackUpdate(rina, `dg:${digestRow.id}:99`, { message_id: digestMessageId, chatId: HR_CHAT.id }),
    );
    await t.send(
      callbackUpdate(rina, `dg:${digestRow.id}:1`, { message_id: digestMessageId, chatId: -100999 }),
    );
    const got = answers(t.since());
    expect(got).toHaveLength(2);
    for (const a of got) expect(a).toMatchObject({ show_alert: true });
    expect(edits(t.since())).toHaveLength(0);
  });

  it("/status for HR says why the last check left a school short", async () => {
    const run = await db.prisma.balancingRun.findFirstOrThrow();
    // What the engine stores once it says why (Plan.shortfalls); the alert shows the same line.
    const shortfall = {
      unit: "SDN-04",
      role: "GURU_KELAS",
      needHours: 144,
      unmetHours: 96,
      reason: "beyond_distance",
    };
    await db.prisma.balancingRun.update({
      where: { id: run.id },
      data: { metrics: { ...(run.metrics as object), shortfalls: [shortfall], maxDistanceKm: 120 } },
    });
    t.mark();
    await t.send(textUpdate(rina, "/status", HR_CHAT));
    const text = sentTexts(t.since()).at(-1) ?? "";
    expect(text).toContain(`<b>Masih kurang sesudah pemeriksaan #${run.id}, dan mengapa:</b>`);
    expect(text).toMatch(/• SD Negeri 4 [^:]+: kurang 96 JP — tidak ada guru yang cocok dalam 120 km/);
  });

  it("an expired proposal is shown expired on the digest, not over it as a card of its own", async () => {
    const digestRow = await db.prisma.proposalDigest.findFirstOrThrow();
    const before = await db.prisma.outboxMessage.count();
    await db.prisma.$transaction((tx) =>
      expireProposals(tx, {
        now: new Date("2026-12-20T00:00:00Z"),
        locale: "id",
        timeZone: "Asia/Jayapura",
      }),
    );
    const queued = await db.prisma.outboxMessage.findMany({ orderBy: { id: "asc" }, skip: before });
    const edits = queued.filter((m) => m.method === "editMessageText");
    expect(edits.length).toBeGreaterThan(0);
    for (const m of edits) {
      expect(m.dedupeKey).toMatch(new RegExp(`^digest:${digestRow.id}:proposal:\\d+:expired$`));
      expect(m.payload).toMatchObject({ message_id: digestMessageId });
      expect(String((m.payload as { text: string }).text)).toContain("🗂 <b>Usulan mutasi");
    }
    const last = String((edits.at(-1)?.payload as { text: string }).text);
    expect(last).toContain("⌛ <b>Kedaluwarsa</b>");
    expect(last).toContain("menunggu 0");
  });
});
