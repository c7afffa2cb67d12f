import { describe, expect, it } from "vitest";
import { skipPg, useTestDatabase } from "../support/db.ts";
import {
  createPendingProposal,
  HR_CHAT,
  HR_CHAT_ID,
  people,
  seedHrDistrict,
} from "../support/hr-fixtures.ts";
import { buildTestBot, fixedClock } from "../support/harness.ts";
import { callbackUpdate, sentTexts, textUpdate, type ApiCall } from "../support/telegram.ts";

const press = (
  who: (typeof people)[keyof typeof people],
  action: "a" | "r" | "d",
  proposalId: number,
  messageId = 500,
) => callbackUpdate(who, `p:${action}:${proposalId}`, { message_id: messageId, chatId: HR_CHAT_ID });

const answers = (calls: ApiCall[]) =>
  calls
    .filter((c) => c.method === "answerCallbackQuery")
    .map((c) => ({ text: c.payload.text, alert: c.payload.show_alert }));
const edits = (calls: ApiCall[]) => calls.filter((c) => c.method === "editMessageText");

describe.skipIf(skipPg)("HR group: deciding proposals with buttons", () => {
  const db = useTestDatabase();

  it("an approver's Setujui approves (menunggu SK), moves nobody yet, sends the notice and edits the card", async () => {
    const clock = fixedClock("2026-12-01T00:30:00Z"); // 09:30 WIT
    const s = await seedHrDistrict(db.prisma);
    const t = buildTestBot(db.prisma, { clock });

    await t.send(press(people.rina, "a", s.proposal.id));

    const proposal = await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } });
    expect(proposal).toMatchObject({ status: "APPROVED", decidedById: s.rina.id, version: 2, tmt: null });
    // The team's approval is its advice; the move waits for the SK's TMT (test/bot/decree-lifecycle.test.ts).
    const ani = await db.prisma.employee.findUniqueOrThrow({ where: { id: s.ani.id } });
    expect(ani).toMatchObject({ unitId: s.smp.id, roleId: s.guruIpa.id });
    expect(await db.prisma.transfer.count()).toBe(0);

    // Ani has not joined: her letter (issue 15, test/bot/employee-voice.test.ts) goes to the SMP head;
    // nobody gets a line about a move before it happens.
    const outbox = await db.prisma.outboxMessage.findMany({ orderBy: { id: "asc" } });
    expect(outbox.map((m) => [m.method, m.chatId, m.status])).toEqual([
      ["sendDocument", BigInt(people.headSmp.id), "PENDING"],
      // The card's edit is queued with the decision and made at once by the handler (issue 25).
      ["editMessageText", BigInt(HR_CHAT_ID), "SENT"],
    ]);

    const audit = await db.prisma.auditLog.findMany({ orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["proposal.approve", "letter.notice"]);
    expect(audit[1]?.details).toEqual({
      recipients: [{ as: "head", userId: s.headSmp.id, chatId: String(people.headSmp.id) }],
    });
    expect(
      await db.prisma.decision.count({
        where: { proposalId: s.proposal.id, userId: s.rina.id, verdict: "APPROVE" },
      }),
    ).toBe(1);

    expect(answers(t.calls)).toEqual([{ text: "Usulan #1 disetujui tim; menunggu SK.", alert: undefined }]);
    const [edit] = edits(t.calls);
    expect(edit?.payload).toMatchObject({
      chat_id: String(HR_CHAT_ID),
      message_id: 500,
      reply_markup: { inline_keyboard: [] },
    });
    expect(String(edit?.payload.text)).toContain(
      "✅ <b>Disetujui tim</b> (Rina Kaize, 01-12-2026 09:30 WIT); menunggu SK",
    );
  });

  it("refuses anyone who is not an approver of the proposal's agency, changing nothing", async () => {
    const s = await seedHrDistrict(db.prisma);
    const t = buildTestBot(db.prisma, { adminIds: [BigInt(people.admin.id)] });
    for (const who of [people.stranger, people.siti, people.maria, people.admin])
      await t.send(press(who, "a", s.proposal.id));
    await t.send(press(people.maria, "r", s.proposal.id));

    const alerts = answers(t.calls);
    expect(alerts).toHaveLength(5);
    for (const a of alerts)
      expect(a).toEqual({
        text: "Hanya tim mutasi instansi ini yang dapat memutuskan usulan ini.",
        alert: true,
      });
    expect(edits(t.calls)).toHaveLength(0);
    expect(sentTexts(t.calls)).toHaveLength(0);
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).toMatchObject({
      status: "PENDING",
      version: 1,
    });
    expect(await db.prisma.decision.count()).toBe(0);
    expect(await db.prisma.employee.findUniqueOrThrow({ where: { id: s.ani.id } })).toMatchObject({
      unitId: s.smp.id,
    });
  });

  it("refuses a press from outside the agency's HR group", async () => {
    const s = await seedHrDistrict(db.prisma);
    const t = buildTestBot(db.prisma);
    await t.send(
      callbackUpdate(people.rina, `p:a:${s.proposal.id}`, { message_id: 500, chatId: -1009999999999 }),
    );
    expect(answers(t.calls)).toEqual([
      { text: "Usulan ini hanya dapat diputuskan di grup HR instansinya.", alert: true },
    ]);
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).toMatchObject({
      status: "PENDING",
    });
  });

  it("a double press: the second is told who decided and when, and nothing happens twice", async () => {
    const clock = fixedClock("2026-12-01T00:30:00Z");
    const s = await seedHrDistrict(db.prisma);
    const t = buildTestBot(db.prisma, { clock });
    await t.send(press(people.rina, "a", s.proposal.id));
    clock.advance(60_000);
    t.mark();
    await t.send(press(people.rina, "a", s.proposal.id));
    await t.send(press(people.yosef, "a", s.proposal.id));
    await t.send(press(people.yosef, "r", s.proposal.id));

    const later = answers(t.since());
    expect(later).toHaveLength(3);
    for (const a of later) {
      expect(a).toEqual({
        text: "Usulan ini sudah disetujui oleh Rina Kaize pada 01-12-2026 09:30 WIT.",
        alert: true,
      });
    }
    expect(edits(t.since())).toHaveLength(0);
    expect(await db.prisma.transfer.count()).toBe(0);
    expect(await db.prisma.decision.count()).toBe(1);
    // The one notice letter (issue 15) and the card's edit, once each.
    expect(await db.prisma.outboxMessage.count({ where: { method: "sendDocument" } })).toBe(1);
    expect(await db.prisma.outboxMessage.count({ where: { method: "editMessageText" } })).toBe(1);
  });

  it("quorum 2: the first approval is recorded and shown, a repeat is refused, the second approver approves", async () => {
    const clock = fixedClock("2026-12-01T00:30:00Z");
    const s = await seedHrDistrict(db.prisma, { quorum: 2 });
    const t = buildTestBot(db.prisma, { clock });

    await t.send(press(people.rina, "a", s.proposal.id));
    expect(answers(t.calls).at(-1)).toEqual({
      text: "Persetujuan Anda dicatat (1 dari 2).",
      alert: undefined,
    });
    const progress = edits(t.calls).at(-1);
    expect(String(progress?.payload.text)).toContain("👍 Disetujui 1 dari 2: Rina Kaize");
    expect(JSON.stringify(progress?.payload.reply_markup)).toContain(`p:a:${s.proposal.id}`);
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).toMatchObject({
      status: "PENDING",
    });

    await t.send(press(people.rina, "a", s.proposal.id));
    expect(answers(t.calls).at(-1)).toEqual({
      text: "Anda sudah menyetujui usulan ini; menunggu persetujuan anggota lain (1 dari 2).",
      alert: true,
    });
    expect(await db.prisma.decision.count()).toBe(1);

    clock.advance(3_600_000);
    await t.send(press(people.yosef, "a", s.proposal.id));
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).toMatchObject({
      status: "APPROVED",
      decidedById: s.yosef.id,
    });
    expect(String(edits(t.calls).at(-1)?.payload.text)).toContain(
      "Disetujui tim</b> (Rina Kaize, Yosef Gebze, 01-12-2026 10:30 WIT); menunggu SK",
    );
    expect(await db.prisma.transfer.count()).toBe(0);
    expect(await db.prisma.auditLog.count({ where: { action: "proposal.approve" } })).toBe(2);
  });

  it("Tolak asks for a reason, refuses one that is too long, and records the rejection with it", async () => {
    const clock = fixedClock("2026-12-01T00:30:00Z");
    const s = await seedHrDistrict(db.prisma);
    const t = buildTestBot(db.prisma, { clock });

    await t.send(press(people.rina, "r", s.proposal.id));
    const prompt = t.calls.find((c) => c.method === "sendMessage");
    expect(prompt?.payload).toMatchObject({
      chat_id: HR_CHAT_ID,
      reply_markup: { force_reply: true, selective: true },
    });
    expect(String(prompt?.payload.text)).toContain(
      `<a href="tg://user?id=${people.rina.id}">Rina Kaize</a>, tulis alasan menolak usulan #1`,
    );
    expect(answers(t.calls)).toEqual([
      { text: "Tulis alasan penolakan sebagai balasan pesan saya.", alert: undefined },
    ]);
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).toMatchObject({
      status: "PENDING",
    });

    t.mark();
    await t.send(textUpdate(people.rina, "x".repeat(501), HR_CHAT));
    expect(sentTexts(t.since())).toEqual([
      "Alasan terlalu panjang (501 karakter; paling banyak 500). Tulis lagi lebih singkat.",
    ]);
    expect(await db.prisma.decision.count()).toBe(0);

    // Someone else chatting in the group does not give Rina's reason.
    await t.send(textUpdate(people.yosef, "saya setuju saja", HR_CHAT));
    expect(await db.prisma.decision.count()).toBe(0);

    t.mark();
    await t.send(textUpdate(people.rina, "Guru <IPA> di SMPN-02 juga akan pensiun tahun depan", HR_CHAT));
    const proposal = await db.prisma.proposal.findUniqueOrThrow({
      where: { id: s.proposal.id },
      include: { decisions: true },
    });
    expect(proposal).toMatchObject({ status: "REJECTED", decidedById: s.rina.id });
    expect(proposal.decisions).toEqual([
      expect.objectContaining({
        verdict: "REJECT",
        reason: "Guru <IPA> di SMPN-02 juga akan pensiun tahun depan",
      }),
    ]);
    const [edit] = edits(t.since());
    expect(edit?.payload).toMatchObject({
      chat_id: String(HR_CHAT_ID),
      message_id: 500,
      reply_markup: { inline_keyboard: [] },
    });
    expect(String(edit?.payload.text)).toContain(
      "❌ <b>Ditolak</b> oleh Rina Kaize pada 01-12-2026 09:30 WIT\nAlasan: Guru &lt;IPA&gt; di SMPN-02 juga akan pensiun tahun depan",
    );
    expect(sentTexts(t.since()).at(-1)).toBe(
      "Penolakan usulan #1 dicatat: Ani Wulandari tidak diusulkan lagi ke SD Negeri 1 Salor selama 6 bulan. Bila penolakan ini tentang orangnya, bukan sekolahnya, tekan tombol di bawah.",
    );
    const recorded = t
      .since()
      .filter((c) => c.method === "sendMessage")
      .at(-1);
    expect(recorded?.payload.reply_markup).toEqual({
      inline_keyboard: [[{ text: "🚫 Jangan usulkan orang ini", callback_data: "p:w:1" }]],
    });
    expect(await db.prisma.employee.findUniqueOrThrow({ where: { id: s.ani.id } })).toMatchObject({
      unitId: s.smp.id,
    });
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "proposal.reject" } });
    expect(audit.details).toMatchObject({
      reason: "Guru <IPA> di SMPN-02 juga akan pensiun tahun depan",
      scope: "SCHOOL",
    });
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).toMatchObject({
      rejectScope: "SCHOOL",
    });

    // "Jangan usulkan orang ini": a stranger's press changes nothing; Rina's widens it to the person, once.
    await t.send(
      callbackUpdate({ id: 7999, first_name: "Joko" }, "p:w:1", { message_id: 501, chatId: HR_CHAT_ID }),
    );
    expect((await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).rejectScope).toBe(
      "SCHOOL",
    );
    t.mark();
    await t.send(callbackUpdate(people.rina, "p:w:1", { message_id: 501, chatId: HR_CHAT_ID }));
    await t.send(callbackUpdate(people.rina, "p:w:1", { message_id: 501, chatId: HR_CHAT_ID }));
    expect(sentTexts(t.since())).toEqual([
      "Dicatat: Ani Wulandari tidak diusulkan ke sekolah mana pun selama 6 bulan (usulan #1).",
    ]);
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).toMatchObject({
      rejectScope: "PERSON",
    });
    expect(await db.prisma.auditLog.count({ where: { action: "proposal.reject_person" } })).toBe(1);

    // No longer waiting: the next message is just chat.
    t.mark();
    await t.send(textUpdate(people.rina, "terima kasih", HR_CHAT));
    expect(t.since()).toHaveLength(0);
  });

  it("Telegram failing the answer and the edit: the approval stands, nobody reads an error, the edit is queued", async () => {
    const s = await seedHrDistrict(db.prisma);
    const t = buildTestBot(db.prisma);
    // The card's edit and then the answer to the press both fail with a 500 (it happens).
    t.calls.injected.push(
      {
        method: "editMessageText",
        refusal: { ok: false, error_code: 500, description: "Internal Server Error" },
      },
      {
        method: "answerCallbackQuery",
        refusal: { ok: false, error_code: 500, description: "Internal Server Error" },
      },
    );
    await t.send(
      callbackUpdate(people.rina, `p:a:${s.proposal.id}`, { message_id: 500, chatId: HR_CHAT_ID }),
    );
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).toMatchObject({
      status: "APPROVED",
    });
    // No apology: the decision was recorded, only Telegram's answer failed.
    expect(sentTexts(t.calls).join("\n")).not.toContain("Maaf");
    // The card's edit waits in the outbox, retried like every push until the group sees the decision.
    const queued = await db.prisma.outboxMessage.findFirstOrThrow({ where: { method: "editMessageText" } });
    expect(queued).toMatchObject({ chatId: BigInt(HR_CHAT_ID), status: "PENDING" });
    expect(String((queued.payload as { text: string }).text)).toContain("Disetujui tim");
  });

  it("a reason sent while the prompt is still on its way is taken (webhook updates come concurrently)", async () => {
    const s = await seedHrDistrict(db.prisma);
    const t = buildTestBot(db.prisma);
    // The reason arrives at once, while the bot is still sending its question (issue 25).
    const telegram = t.bot.telegram as unknown as {
      callApi: (method: string, payload: Record<string, unknown>) => Promise<unknown>;
    };
    const send = telegram.callApi.bind(telegram);
    let raced = false;
    telegram.callApi = async (method, payload) => {
      if (!raced && method === "sendMessage" && String(payload.text).includes("tulis alasan menolak")) {
        raced = true;
        await t.send(textUpdate(people.rina, "Sekolah tujuan sudah menerima guru honorer", HR_CHAT));
      }
      return send(method, payload);
    };
    await t.send(
      callbackUpdate(people.rina, `p:r:${s.proposal.id}`, { message_id: 500, chatId: HR_CHAT_ID }),
    );
    expect(raced).toBe(true);
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).toMatchObject({
      status: "REJECTED",
    });
    expect(await db.prisma.decision.findFirst()).toMatchObject({
      reason: "Sekolah tujuan sudah menerima guru honorer",
    });
  });

  it("/batal cancels a pending rejection and the proposal stays open", async () => {
    const s = await seedHrDistrict(db.prisma);
    const t = buildTestBot(db.prisma);
    await t.send(press(people.rina, "r", s.proposal.id));
    await t.send(textUpdate(people.rina, "/batal", HR_CHAT));
    expect(sentTexts(t.calls).at(-1)).toBe("Penolakan dibatalkan; usulan #1 tetap menunggu keputusan.");
    await t.send(textUpdate(people.rina, "alasan yang terlambat", HR_CHAT));
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).toMatchObject({
      status: "PENDING",
    });
    expect(await db.prisma.decision.count()).toBe(0);
  });

  it("a reason arriving after someone else approved is refused with who and when", async () => {
    const clock = fixedClock("2026-12-01T00:30:00Z");
    const s = await seedHrDistrict(db.prisma);
    const t = buildTestBot(db.prisma, { clock });
    await t.send(press(people.rina, "r", s.proposal.id));
    await t.send(press(people.yosef, "a", s.proposal.id));
    t.mark();
    await t.send(textUpdate(people.rina, "tidak cocok", HR_CHAT));
    expect(sentTexts(t.since())).toEqual([
      "Usulan ini sudah disetujui oleh Yosef Gebze pada 01-12-2026 09:30 WIT.",
    ]);
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).toMatchObject({
      status: "APPROVED",
    });
    // Rina is no longer asked for a reason.
    t.mark();
    await t.send(textUpdate(people.rina, "oke", HR_CHAT));
    expect(t.since()).toHaveLength(0);
  });

  it("a question for a reason left 30 minutes ends: a late text is told and not recorded, the buttons go on", async () => {
    const clock = fixedClock("2026-12-01T00:30:00Z");
    const s = await seedHrDistrict(db.prisma);
    const t = buildTestBot(db.prisma, { clock });
    await t.send(press(people.rina, "r", s.proposal.id));
    // Until then the wait was kept for ever: hours later any text of hers became the reason.
    clock.advance(31 * 60_000);
    t.mark();
    await t.send(textUpdate(people.rina, "oke, nanti saya cek", HR_CHAT));
    expect(sentTexts(t.since())).toEqual([
      "⏱ Pertanyaan alasan tadi berakhir karena 30 menit tanpa jawaban; pesan ini tidak dicatat. Tekan tombolnya lagi bila perlu.",
    ]);
    expect(await db.prisma.decision.count()).toBe(0);
    // Told once: her next words are chat, and her next press decides as usual.
    t.mark();
    await t.send(textUpdate(people.rina, "terima kasih", HR_CHAT));
    expect(t.since()).toHaveLength(0);
    await t.send(press(people.rina, "a", s.proposal.id));
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).toMatchObject({
      status: "APPROVED",
    });
  });

  it("a wrong reason is asked again in one message that opens her reply field only", async () => {
    const s = await seedHrDistrict(db.prisma);
    const t = buildTestBot(db.prisma);
    await t.send(press(people.rina, "r", s.proposal.id));
    t.mark();
    await t.send(textUpdate(people.rina, "x".repeat(501), HR_CHAT));
    const [again, ...more] = t.since().filter((c) => c.method === "sendMessage");
    expect(more).toHaveLength(0);
    expect(again?.payload).toMatchObject({
      text: "Alasan terlalu panjang (501 karakter; paling banyak 500). Tulis lagi lebih singkat.",
      reply_markup: { force_reply: true, selective: true },
    });
    await t.send(textUpdate(people.rina, "  Sekolah tujuan\n sudah penuh ", HR_CHAT));
    expect(await db.prisma.decision.findFirst()).toMatchObject({ reason: "Sekolah tujuan sudah penuh" });
  });

  it("a press on an expired card says so and changes nothing", async () => {
    const s = await seedHrDistrict(db.prisma);
    const clock = fixedClock(new Date(s.proposal.expiresAt.getTime() + 1000).toISOString());
    const t = buildTestBot(db.prisma, { clock });
    await t.send(press(people.rina, "a", s.proposal.id));
    await t.send(press(people.rina, "r", s.proposal.id));
    expect(answers(t.calls)).toEqual([
      {
        text: "Usulan ini sudah kedaluwarsa (14-12-2026 09:00 WIT); tombolnya tidak berlaku lagi.",
        alert: true,
      },
      {
        text: "Usulan ini sudah kedaluwarsa (14-12-2026 09:00 WIT); tombolnya tidak berlaku lagi.",
        alert: true,
      },
    ]);
    expect(sentTexts(t.calls)).toHaveLength(0);
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).toMatchObject({
      status: "PENDING",
      version: 1,
    });
    expect(await db.prisma.decision.count()).toBe(0);
    expect(await db.prisma.employee.findUniqueOrThrow({ where: { id: s.ani.id } })).toMatchObject({
      unitId: s.smp.id,
    });
  });

  it("approval leaves other employees' pending proposals alone (one pending per employee is a database rule)", async () => {
    const s = await seedHrDistrict(db.prisma);
    const other = await createPendingProposal(db.prisma, {
      employeeId: s.budi.id,
      fromUnitId: s.sd.id,
      toUnitId: s.smp.id,
      roleId: s.guruKelas.id,
      agencyId: s.agency.id,
      now: s.now,
      cardMessageId: 501,
    });
    const t = buildTestBot(db.prisma, { clock: fixedClock("2026-12-01T00:30:00Z") });
    await t.send(press(people.rina, "a", s.proposal.id));
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({
      status: "PENDING",
      version: 1,
    });
    // The one edit is the approved card's; the other proposal's card is not touched.
    const edited = await db.prisma.outboxMessage.findMany({ where: { method: "editMessageText" } });
    expect(edited.map((m) => (m.payload as { message_id: number }).message_id)).toEqual([500]);
    await t.send(press(people.yosef, "a", other.id, 501));
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({
      status: "APPROVED",
    });
  });

  it("Rincian shows the full rationale to the group", async () => {
    const s = await seedHrDistrict(db.prisma);
    const t = buildTestBot(db.prisma);
    await t.send(press(people.yosef, "d", s.proposal.id));
    const [details] = sentTexts(t.calls);
    expect(details).toContain("<b>Rincian usulan #1</b>: Ani Wulandari (NIP 198501012010012001)");
    expect(details).toContain(
      "Dari SMP Negeri 2 Salor (SMPN-02) ke SD Negeri 1 Salor (SDN-01), jabatan Guru Kelas SD.",
    );
    expect(details).toContain("Beban unit tujuan SD Negeri 1 Salor: 150% sebelum, 120% sesudah mutasi.");
    expect(details).toContain("Kebutuhan yang belum terpenuhi yang tertutup: 24 jam per minggu.");
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).toMatchObject({
      status: "PENDING",
    });
  });

  it("a button with garbage data is answered and does nothing", async () => {
    await seedHrDistrict(db.prisma);
    const t = buildTestBot(db.prisma);
    await t.send(callbackUpdate(people.rina, "p:x:1", { message_id: 500, chatId: HR_CHAT_ID }));
    await t.send(callbackUpdate(people.rina, "p:a:99999", { message_id: 500, chatId: HR_CHAT_ID }));
    expect(answers(t.calls)).toEqual([
      { text: "Tombol ini sudah tidak berlaku.", alert: undefined },
      { text: "Usulan ini tidak ditemukan.", alert: true },
    ]);
  });
});
