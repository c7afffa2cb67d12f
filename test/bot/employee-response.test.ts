import { describe, expect, it } from "vitest";
import { renderLetters } from "../../src/documents/letters.ts";
import { markSent } from "../../src/delivery/mark-sent.ts";
import { deliveryPolicy } from "../../src/use-cases/outbox-policy/index.ts";

/** What the sender does once a card is sent, as main.ts wires it: remember where it sits. */
const policy = deliveryPolicy({ ADMIN_TELEGRAM_IDS: [], DEFAULT_LOCALE: "id" });
import { createInvite } from "../../src/use-cases/accounts/index.ts";
import { enqueueDecreeLetter } from "../../src/use-cases/decrees/index.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { HR_CHAT, HR_CHAT_ID, people, seedHrDistrict } from "../support/hr-fixtures.ts";
import { buildTestBot, fixedClock, type TestBot } from "../support/harness.ts";
import { pdfText } from "../support/pdf-text.ts";
import { parseTelegramHtml } from "../support/telegram-rules.ts";
import { botMembership, callbackUpdate, sentTexts, textUpdate, type Person } from "../support/telegram.ts";
import { lastAnswer } from "../support/unit-head-fixtures.ts";

/** Ani Wulandari (the SMP IPA teacher the proposal moves) and Budi Santoso, on their own phones. */
const ani: Person = { id: 7001, first_name: "Ani", language_code: "id" };
const budi: Person = { id: 7002, first_name: "Budi", language_code: "id" };
const ANI_NIP = "198501012010012001";
const BUDI_NIP = "197803152005011002";
const SK = "800/412/BKPSDM/XII/2026";
const WORDS = "Saya merawat ibu saya yang sakit di Tanah Miring; mohon mutasi ini ditinjau kembali.";

const last = (t: TestBot) => sentTexts(t.calls).at(-1) ?? "";
const press = (who: Person, data: string) => callbackUpdate(who, data, { message_id: 1000 });
const inGroup = (who: Person, data: string, messageId = 800) =>
  callbackUpdate(who, data, { message_id: messageId, chatId: HR_CHAT_ID });
type Keyboard = Array<Array<{ text: string; callback_data: string }>>;

describe.skipIf(skipPg)(
  "the SK letter and the person's tanggapan or keberatan, decided in the HR group",
  () => {
    const db = useTestDatabase();

    async function join(t: TestBot, who: Person, nip: string) {
      const invite = await createInvite(db.prisma, {
        target: { kind: "employee", nip },
        createdBy: "cli",
        now: t.deps.clock.now(),
      });
      await t.send(textUpdate(who, `/start ${invite.code}`));
    }

    /** The other engineer's record-decree sets these; here the row is put in DECREED directly. */
    async function decree(proposalId: number) {
      return db.prisma.proposal.update({
        where: { id: proposalId },
        data: {
          status: "DECREED",
          decidedAt: new Date("2026-11-30T02:00:00Z"),
          skNumber: SK,
          skDate: new Date("2026-12-01T00:00:00Z"),
          tmt: new Date("2027-01-04T00:00:00Z"),
          decreedAt: new Date("2026-12-01T03:00:00Z"),
          objectionDeadline: new Date("2026-12-30T00:00:00Z"),
        },
      });
    }

    async function decreedDistrict(clock = fixedClock("2026-12-02T00:30:00Z")) {
      const s = await seedHrDistrict(db.prisma);
      await db.prisma.unit.update({ where: { id: s.smp.id }, data: { kecamatan: "Tanah Miring" } });
      const t = buildTestBot(db.prisma, { clock });
      await join(t, ani, ANI_NIP);
      const proposal = await decree(s.proposal.id);
      return { s, t, clock, proposal };
    }

    async function fileKeberatan(t: TestBot, proposalId: number, words = WORDS) {
      await t.send(press(ani, `rs:k:${proposalId}`));
      await t.send(textUpdate(ani, words));
      return db.prisma.employeeResponse.findFirstOrThrow({ orderBy: { id: "desc" } });
    }

    it("the person gets the SK letter, files a keberatan across a restart, the HR card appears; Terima cancels the proposal, audited, and the person is told", async () => {
      const { s, t, clock, proposal } = await decreedDistrict();
      const now = clock.now();
      await db.prisma.$transaction((tx) =>
        enqueueDecreeLetter(tx, { proposal, now, timeZone: "Asia/Jayapura", locale: "id" }),
      );
      // Called twice (a retried SK record): still one letter per recipient.
      await db.prisma.$transaction((tx) =>
        enqueueDecreeLetter(tx, { proposal, now, timeZone: "Asia/Jayapura", locale: "id" }),
      );
      const letters = await db.prisma.outboxMessage.findMany({ where: { method: "sendDocument" } });
      expect(letters.map((l) => l.chatId)).toEqual([BigInt(ani.id)]);
      const payload = letters[0]!.payload as {
        caption: string;
        document: { filename: string };
        reply_markup: { inline_keyboard: Keyboard };
      };
      expect(payload.caption).toContain(`Surat pemberitahuan SK mutasi Nomor ${SK}`);
      expect(payload.caption).toContain("TMT 04-01-2027");
      expect(payload.caption).toContain("paling lambat 30-12-2026");
      expect(payload.document.filename).toBe(`sk-mutasi-${s.proposal.id}.pdf`);
      expect(payload.reply_markup.inline_keyboard).toEqual([
        [{ text: "Ajukan keberatan", callback_data: `rs:k:${s.proposal.id}` }],
      ]);
      const rendered = (await renderLetters(payload)) as { document: { base64: string } };
      const text = await pdfText(Buffer.from(rendered.document.base64, "base64"));
      expect(text).toContain("SURAT PEMBERITAHUAN KEPUTUSAN MUTASI");
      expect(text).toContain(`Surat Keputusan (SK) Nomor ${SK} tanggal 1 Desember 2026`);
      expect(text).toContain(
        "dari Guru IPA di SMP Negeri 2 Salor (Kecamatan Tanah Miring) ke SD Negeri 1 Salor sebagai Guru Kelas SD",
      );
      expect(text).toContain("terhitung mulai tanggal (TMT) 4 Januari 2027");
      expect(text).toContain("21 hari kerja");
      expect(text).toContain("Pasal 77");
      expect(text).toContain("paling lambat tanggal 30 Desember 2026");
      // The days the 21 working days skipped are named (issue 25): Christmas, a national holiday.
      expect(text).toContain("Hari libur yang tidak dihitung: 25 Desember 2026 (Hari Raya Natal).");
      expect(text).toContain("«Ajukan keberatan»");

      await t.send(press(ani, `rs:k:${s.proposal.id}`));
      expect(last(t)).toContain(`Tulis keberatan Anda atas SK mutasi Nomor ${SK}`);
      expect(last(t)).toContain("Batas pengajuan: 30-12-2026");
      // The bot restarts between the question and the answer: the question is in the database.
      const after = buildTestBot(db.prisma, { clock });
      await after.send(textUpdate(ani, WORDS));
      expect(last(after)).toContain(
        `Keberatan Anda atas SK Nomor ${SK} sudah dicatat dan diteruskan ke tim mutasi Dinas Pendidikan Merauke`,
      );
      const response = await db.prisma.employeeResponse.findFirstOrThrow();
      expect(response).toMatchObject({
        proposalId: s.proposal.id,
        employeeId: s.ani.id,
        kind: "KEBERATAN",
        text: WORDS,
        status: "OPEN",
      });
      expect(await db.prisma.auditLog.count({ where: { action: "response.keberatan" } })).toBe(1);

      const card = await db.prisma.outboxMessage.findFirstOrThrow({ where: { kind: "response-card" } });
      expect(card.chatId).toBe(BigInt(HR_CHAT_ID));
      const cardPayload = card.payload as { text: string; reply_markup: { inline_keyboard: Keyboard } };
      expect(cardPayload.text).toContain(`Keberatan atas SK mutasi #${s.proposal.id}`);
      expect(cardPayload.text).toContain(`Ani Wulandari (NIP ${ANI_NIP})`);
      expect(cardPayload.text).toContain("SMP Negeri 2 Salor → SD Negeri 1 Salor (Guru Kelas SD)");
      expect(cardPayload.text).toContain(`SK Nomor ${SK} tanggal 01-12-2026, TMT 04-01-2027`);
      expect(cardPayload.text).toContain("Batas keberatan: 30-12-2026");
      expect(cardPayload.text).toContain(`<blockquote>${WORDS}</blockquote>`);
      expect(parseTelegramHtml(cardPayload.text)).not.toHaveProperty("error");
      expect(cardPayload.reply_markup.inline_keyboard).toEqual([
        [
          { text: "Terima (batalkan usulan)", callback_data: `rd:u:${response.id}` },
          { text: "Tolak", callback_data: `rd:d:${response.id}` },
        ],
      ]);
      // The sender remembers where the card went, so the decision edits that message.
      await markSent(db.prisma, card, 777, clock.now(), policy.onSent);
      expect(
        await db.prisma.employeeResponse.findUniqueOrThrow({ where: { id: response.id } }),
      ).toMatchObject({
        cardChatId: BigInt(HR_CHAT_ID),
        cardMessageId: 777,
      });

      // A second press: it is already with the team.
      await after.send(press(ani, `rs:k:${s.proposal.id}`));
      expect(lastAnswer(after.calls)).toContain("Keberatan Anda atas usulan #");
      expect(lastAnswer(after.calls)).toContain("sudah diterima tim mutasi");
      expect(await db.prisma.employeeResponse.count()).toBe(1);

      // Only the agency's approvers decide: a head, another agency's approver, a stranger are refused.
      for (const who of [people.siti, people.maria, people.stranger]) {
        await after.send(inGroup(who, `rd:u:${response.id}`, 777));
        expect(lastAnswer(after.calls)).toBe(
          "Hanya tim mutasi instansi ini yang dapat memutuskan usulan ini.",
        );
      }
      await after.send(callbackUpdate(people.rina, `rd:u:${response.id}`, { message_id: 777 }));
      expect(lastAnswer(after.calls)).toBe("Usulan ini hanya dapat diputuskan di grup HR instansinya.");
      expect((await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).status).toBe(
        "DECREED",
      );

      clock.set("2026-12-03T01:00:00Z");
      after.mark();
      await after.send(inGroup(people.rina, `rd:u:${response.id}`, 777));
      expect(lastAnswer(after.calls)).toBe(
        `Diterima: usulan #${s.proposal.id} dibatalkan dan pegawai diberi tahu.`,
      );
      const cancelled = await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } });
      expect(cancelled.status).toBe("CANCELLED");
      expect(cancelled.cancelReason).toBe(`keberatan diterima: ${WORDS}`);
      expect(cancelled.cancelledById).toBe(s.rina.id);
      expect(
        await db.prisma.employeeResponse.findUniqueOrThrow({ where: { id: response.id } }),
      ).toMatchObject({
        status: "UPHELD",
        decidedById: s.rina.id,
      });
      const audits = await db.prisma.auditLog.findMany({
        where: { action: { in: ["proposal.cancel", "response.uphold"] } },
        orderBy: { id: "asc" },
      });
      expect(audits.map((a) => [a.action, a.actorName])).toEqual([
        ["proposal.cancel", "Rina Kaize"],
        ["response.uphold", "Rina Kaize"],
      ]);
      expect(audits[0]!.details).toMatchObject({ responseId: response.id, was: "DECREED", skNumber: SK });

      const edit = await db.prisma.outboxMessage.findFirstOrThrow({
        where: { method: "editMessageText", dedupeKey: `response:${response.id}:card:upheld` },
      });
      const editPayload = edit.payload as {
        message_id: number;
        text: string;
        reply_markup: { inline_keyboard: Keyboard };
      };
      expect(editPayload.message_id).toBe(777);
      expect(editPayload.text).toContain("Diterima oleh Rina Kaize (03-12-2026 10:00 WIT)");
      expect(editPayload.reply_markup.inline_keyboard).toEqual([]);
      const told = await db.prisma.outboxMessage.findMany({
        where: { chatId: BigInt(ani.id), method: "sendMessage" },
        orderBy: { id: "asc" },
      });
      expect(told.map((m) => (m.payload as { text: string }).text).join("\n")).toContain(
        `Keberatan Anda atas usulan mutasi #${s.proposal.id} (SMP Negeri 2 Salor → SD Negeri 1 Salor) diterima tim mutasi: usulan dibatalkan, Anda tetap di SMP Negeri 2 Salor.`,
      );
      // Told once, in the outcome's words: not a second time by the cancellation's notice.
      expect(told.filter((m) => (m.payload as { text: string }).text.startsWith("❎"))).toEqual([]);

      // The other approver, a moment later, and a second press: told who decided; nothing changes.
      await after.send(inGroup(people.yosef, `rd:u:${response.id}`, 777));
      expect(lastAnswer(after.calls)).toBe(
        "Keberatan ini sudah diputuskan oleh Rina Kaize (03-12-2026 10:00 WIT): diterima.",
      );
      await after.send(inGroup(people.yosef, `rd:d:${response.id}`, 777));
      expect(lastAnswer(after.calls)).toBe(
        "Keberatan ini sudah diputuskan oleh Rina Kaize (03-12-2026 10:00 WIT): diterima.",
      );
      expect(await db.prisma.auditLog.count({ where: { action: "response.uphold" } })).toBe(1);
      expect(await db.prisma.auditLog.count({ where: { action: "proposal.cancel" } })).toBe(1);
    });

    it("Tolak asks the approver for a reason; the keberatan is dismissed with it, the card edited, the person told; the SK stands", async () => {
      const { s, t } = await decreedDistrict(fixedClock("2026-12-02T02:45:00Z"));
      const response = await fileKeberatan(t, s.proposal.id);

      await t.send(inGroup(people.yosef, `rd:d:${response.id}`));
      expect(lastAnswer(t.calls)).toBe("Tulis alasannya sebagai balasan pesan di grup.");
      expect(last(t)).toContain(`tulis alasan menolak keberatan Ani Wulandari (usulan #${s.proposal.id})`);
      expect(
        await db.prisma.employeeResponse.findUniqueOrThrow({ where: { id: response.id } }),
      ).toMatchObject({
        status: "OPEN",
      });

      // A reason that is too long is asked again, changing nothing; a restart (15 minutes later, within
      // the question's 30 minutes) keeps the question.
      await t.send(textUpdate(people.yosef, "x".repeat(501), HR_CHAT));
      expect(last(t)).toContain("Alasan terlalu panjang (501 karakter, paling banyak 500)");
      const reason =
        "SD Negeri 1 Salor paling kekurangan guru kelas; ibu Anda dapat dirawat dari Semangga (4,6 km).";
      const after = buildTestBot(db.prisma, { clock: fixedClock("2026-12-02T03:00:00Z") });
      await after.send(textUpdate(people.yosef, reason, HR_CHAT));
      expect(last(after)).toBe(
        `❌ Keberatan #${s.proposal.id} ditolak; Ani Wulandari diberi tahu alasannya.`,
      );
      expect(
        await db.prisma.employeeResponse.findUniqueOrThrow({ where: { id: response.id } }),
      ).toMatchObject({
        status: "DISMISSED",
        decidedById: s.yosef.id,
        decisionReason: reason,
      });
      expect((await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).status).toBe(
        "DECREED",
      );
      const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "response.dismiss" } });
      expect(audit).toMatchObject({ actorName: "Yosef Gebze", entityId: String(s.proposal.id) });
      expect(audit.details).toMatchObject({ responseId: response.id, kind: "KEBERATAN", reason });

      const edit = await db.prisma.outboxMessage.findFirstOrThrow({
        where: { dedupeKey: `response:${response.id}:card:dismissed` },
      });
      expect((edit.payload as { message_id: number }).message_id).toBe(800);
      expect((edit.payload as { text: string }).text).toContain(
        `Ditolak oleh Yosef Gebze (02-12-2026 12:00 WIT).\nAlasan: ${reason}`,
      );
      const told = await db.prisma.outboxMessage.findFirstOrThrow({
        where: {
          dedupeKey: `response:${response.id}:outcome:${(await db.prisma.user.findFirstOrThrow({ where: { employeeId: s.ani.id } })).id}`,
        },
      });
      expect((told.payload as { text: string }).text).toBe(
        `❌ Keberatan Anda atas usulan mutasi #${s.proposal.id} (SMP Negeri 2 Salor → SD Negeri 1 Salor) ditolak tim mutasi.\nAlasan: ${reason}`,
      );

      // Rina's Terima afterwards is told who decided.
      await after.send(inGroup(people.rina, `rd:u:${response.id}`));
      expect(lastAnswer(after.calls)).toBe(
        "Keberatan ini sudah diputuskan oleh Yosef Gebze (02-12-2026 12:00 WIT): ditolak.",
      );
      expect((await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).status).toBe(
        "DECREED",
      );
    });

    it("with the bot out of the HR group, a keberatan is still recorded at its time and the admins get her words; the card reaches the group when the bot is back, once, and is decided there", async () => {
      const { s, clock } = await decreedDistrict();
      const t = buildTestBot(db.prisma, { clock, adminIds: [BigInt(people.admin.id)] });
      await t.send(botMembership(HR_CHAT, "kicked"));
      expect((await db.prisma.hrGroup.findFirstOrThrow()).active).toBe(false);

      const response = await fileKeberatan(t, s.proposal.id, "Saya <b>tidak</b> dapat pindah & merawat ibu.");
      expect(last(t)).toBe(
        `✅ Keberatan Anda atas SK Nomor ${SK} sudah dicatat pada 02-12-2026 09:30 WIT, dalam batas waktu. Grup tim mutasi Dinas Pendidikan Merauke sedang tidak terhubung ke Seimbang: admin sudah diberi tahu, dan keberatan Anda diteruskan begitu grup terhubung kembali. Anda akan diberi tahu keputusannya.`,
      );
      expect(response).toMatchObject({ kind: "KEBERATAN", status: "OPEN", cardMessageId: null });
      expect(await db.prisma.outboxMessage.count({ where: { kind: "response-card" } })).toBe(0);
      const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "response.keberatan" } });
      // Her record's name, not "Ani" as her Telegram account shows it.
      expect(audit.actorName).toBe("Ani Wulandari");
      expect(audit.details).toMatchObject({ responseId: response.id, hrGroup: "none" });
      const alerts = await db.prisma.outboxMessage.findMany({
        where: { dedupeKey: { startsWith: `response:${response.id}:unlinked:admin:` } },
      });
      expect(alerts.map((a) => a.chatId)).toEqual([BigInt(people.admin.id)]);
      const alert = (alerts[0]!.payload as { text: string }).text;
      expect(alert).toBe(
        `⚠️ <b>Keberatan belum sampai ke tim mutasi</b>\nAni Wulandari (NIP ${ANI_NIP}) mengajukan keberatan atas SK Nomor ${SK} (usulan #${s.proposal.id}, SMP Negeri 2 Salor → SD Negeri 1 Salor) pada 02-12-2026 09:30 WIT; batas keberatan 30-12-2026.\n<blockquote>Saya &lt;b&gt;tidak&lt;/b&gt; dapat pindah &amp; merawat ibu.</blockquote>\nDinas Pendidikan Merauke tidak punya grup HR yang aktif. Ketik /hubungkan DISDIK di grup tim mutasi, atau tambahkan kembali bot ke grupnya: keberatan ini dikirim ke sana untuk diputuskan.`,
      );
      expect(parseTelegramHtml(alert)).not.toHaveProperty("error");
      // A second keberatan while this one waits is refused as before: it is with the team.
      await t.send(press(ani, `rs:k:${s.proposal.id}`));
      expect(lastAnswer(t.calls)).toContain("sudah diterima tim mutasi");

      // The bot is added back a day later: the group is told, and the card comes with its filing time.
      clock.set("2026-12-03T00:00:00Z");
      t.mark();
      await t.send(botMembership(HR_CHAT, "member"));
      expect(sentTexts(t.since()).at(-1)).toBe(
        "Grup HR <b>Dinas Pendidikan Merauke</b> aktif kembali; usulan mutasi akan dikirim ke sini.\n📣 1 tanggapan/keberatan pegawai yang menunggu dikirim ke grup ini untuk diputuskan.",
      );
      const cards = await db.prisma.outboxMessage.findMany({ where: { kind: "response-card" } });
      expect(cards.map((c) => [c.chatId, c.refId])).toEqual([[BigInt(HR_CHAT_ID), response.id]]);
      const card = cards[0]!.payload as { text: string; reply_markup: { inline_keyboard: Keyboard } };
      expect(card.text).toContain(`Keberatan atas SK mutasi #${s.proposal.id}`);
      expect(card.text).toContain("Diajukan 02-12-2026 09:30 WIT.");
      expect(card.reply_markup.inline_keyboard[0]?.map((b) => b.callback_data)).toEqual([
        `rd:u:${response.id}`,
        `rd:d:${response.id}`,
      ]);
      // Linking the same chat again while the card waits to be sent queues no second one.
      await t.send(textUpdate(people.admin, "/hubungkan DISDIK", HR_CHAT));
      expect(sentTexts(t.since()).at(-1)).not.toContain("📣");
      expect(await db.prisma.outboxMessage.count({ where: { kind: "response-card" } })).toBe(1);

      await markSent(db.prisma, cards[0]!, 901, clock.now(), policy.onSent);
      await t.send(inGroup(people.rina, `rd:u:${response.id}`, 901));
      expect(lastAnswer(t.calls)).toBe(
        `Diterima: usulan #${s.proposal.id} dibatalkan dan pegawai diberi tahu.`,
      );
      expect((await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).status).toBe(
        "CANCELLED",
      );
      // Decided: the bot leaving and coming back posts nothing again.
      await t.send(botMembership(HR_CHAT, "left"));
      await t.send(botMembership(HR_CHAT, "member"));
      expect(await db.prisma.outboxMessage.count({ where: { kind: "response-card" } })).toBe(1);
    });

    it("refuses a keberatan from someone else, after the deadline (in WIT), before the SK, or once the answer is too long or cancelled, saving nothing", async () => {
      const clock = fixedClock("2026-12-30T14:50:00Z"); // 23:50 WIT on the last day
      const { s, t } = await decreedDistrict(clock);
      await join(t, budi, BUDI_NIP);

      await t.send(press(budi, `rs:k:${s.proposal.id}`));
      expect(lastAnswer(t.calls)).toBe("Tombol ini untuk pegawai yang bersangkutan, bukan untuk Anda.");
      await t.send(press(people.stranger, `rs:k:${s.proposal.id}`));
      expect(lastAnswer(t.calls)).toBe("Tombol ini untuk pegawai yang bersangkutan, bukan untuk Anda.");

      // Too long, then /batal: nothing saved.
      await t.send(press(ani, `rs:k:${s.proposal.id}`));
      await t.send(textUpdate(ani, "a".repeat(1001)));
      expect(sentTexts(t.calls).at(-2)).toBe(
        "Terlalu panjang: 1.001 karakter, paling banyak 1.000. Persingkat lalu kirim lagi.",
      );
      await t.send(textUpdate(ani, "/batal"));
      expect(last(t)).toBe("Percakapan dibatalkan. Tidak ada yang disimpan.");

      // Pressed at 23:50 WIT on the last day, typed after midnight: too late, and the question ends.
      await t.send(press(ani, `rs:k:${s.proposal.id}`));
      expect(last(t)).toContain("Tulis keberatan Anda");
      clock.set("2026-12-30T15:05:00Z");
      await t.send(textUpdate(ani, WORDS));
      expect(last(t)).toBe(
        "Batas pengajuan keberatan atas SK ini sudah lewat: paling lambat 30-12-2026 (21 hari kerja, UU 30/2014 Pasal 77).",
      );
      await t.send(press(ani, `rs:k:${s.proposal.id}`));
      expect(lastAnswer(t.calls)).toBe(
        "Batas pengajuan keberatan atas SK ini sudah lewat: paling lambat 30-12-2026 (21 hari kerja, UU 30/2014 Pasal 77).",
      );

      // Before the SK (approved only), a keberatan is refused; a tanggapan is not.
      await db.prisma.proposal.update({ where: { id: s.proposal.id }, data: { status: "APPROVED" } });
      await t.send(press(ani, `rs:k:${s.proposal.id}`));
      expect(lastAnswer(t.calls)).toBe(
        `Keberatan hanya dapat diajukan atas SK yang sudah ditetapkan; usulan #${s.proposal.id} saat ini: disetujui tim, menunggu SK.`,
      );
      // Once the proposal has ended, a tanggapan is refused too.
      await db.prisma.proposal.update({ where: { id: s.proposal.id }, data: { status: "CANCELLED" } });
      await t.send(press(ani, `rs:r:${s.proposal.id}`));
      expect(lastAnswer(t.calls)).toBe(
        `Usulan #${s.proposal.id} sudah selesai (dibatalkan); tanggapan tidak dapat disampaikan lagi.`,
      );
      // Still pending (no letter yet): the person is pointed to /saya.
      await db.prisma.proposal.update({ where: { id: s.proposal.id }, data: { status: "PENDING" } });
      await t.send(press(ani, `rs:r:${s.proposal.id}`));
      expect(lastAnswer(t.calls)).toBe(
        `Usulan #${s.proposal.id} belum diputuskan tim mutasi; sampaikan kesediaan atau alasan Anda melalui /saya.`,
      );
      expect(await db.prisma.employeeResponse.count()).toBe(0);
      expect(await db.prisma.outboxMessage.count({ where: { kind: "response-card" } })).toBe(0);
      expect(await db.prisma.auditLog.count({ where: { action: { startsWith: "response." } } })).toBe(0);
    });

    it("the notice's Tanggapi reaches the group with no keberatan deadline yet; upholding it cancels the approved proposal", async () => {
      const s = await seedHrDistrict(db.prisma);
      const t = buildTestBot(db.prisma, { clock: fixedClock("2026-12-01T00:30:00Z") });
      await join(t, ani, ANI_NIP);
      await t.send(inGroup(people.rina, `p:a:${s.proposal.id}`, 500));
      expect((await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).status).toBe(
        "APPROVED",
      );

      await t.send(press(ani, `rs:r:${s.proposal.id}`));
      await t.send(textUpdate(ani, "Saya bersedia, asalkan dapat mulai setelah semester ini."));
      expect(last(t)).toContain(`Tanggapan Anda atas usulan mutasi #${s.proposal.id} sudah dicatat`);
      const card = await db.prisma.outboxMessage.findFirstOrThrow({ where: { kind: "response-card" } });
      const text = (card.payload as { text: string }).text;
      expect(text).toContain(`Tanggapan pegawai atas usulan mutasi #${s.proposal.id}`);
      expect(text).toContain("Status usulan: disetujui tim, menunggu SK");
      expect(text).toContain("Batas keberatan: belum ada SK");
      const response = await db.prisma.employeeResponse.findFirstOrThrow();

      await t.send(inGroup(people.yosef, `rd:u:${response.id}`));
      const proposal = await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } });
      expect(proposal.status).toBe("CANCELLED");
      expect(proposal.cancelReason).toBe(
        "tanggapan diterima: Saya bersedia, asalkan dapat mulai setelah semester ini.",
      );
    });

    it("nobody decides about themselves; once the move took effect, Terima is refused with the way forward", async () => {
      const { s, t } = await decreedDistrict();
      // Rina of the HR team is the one being moved: her own account files the keberatan.
      await db.prisma.user.update({
        where: { telegramId: BigInt(ani.id) },
        data: { active: false, employeeId: null },
      });
      await db.prisma.user.update({ where: { id: s.rina.id }, data: { employeeId: s.ani.id } });
      await t.send(press(people.rina, `rs:k:${s.proposal.id}`));
      await t.send(textUpdate(people.rina, WORDS));
      const response = await db.prisma.employeeResponse.findFirstOrThrow();
      expect(response.createdById).toBe(s.rina.id);

      await t.send(inGroup(people.rina, `rd:u:${response.id}`));
      expect(lastAnswer(t.calls)).toBe(
        "Anda tidak dapat memutuskan tanggapan atau keberatan tentang diri Anda sendiri.",
      );
      await t.send(inGroup(people.rina, `rd:d:${response.id}`));
      expect(lastAnswer(t.calls)).toBe(
        "Anda tidak dapat memutuskan tanggapan atau keberatan tentang diri Anda sendiri.",
      );

      await db.prisma.proposal.update({ where: { id: s.proposal.id }, data: { status: "EFFECTIVE" } });
      await t.send(inGroup(people.yosef, `rd:u:${response.id}`));
      expect(lastAnswer(t.calls)).toBe(
        "Mutasi ini sudah berlaku (TMT 04-01-2027); usulan tidak dapat dibatalkan lagi. Untuk mengembalikan pegawai, buat usulan mutasi baru.",
      );
      expect(
        await db.prisma.employeeResponse.findUniqueOrThrow({ where: { id: response.id } }),
      ).toMatchObject({
        status: "OPEN",
      });
      expect((await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).status).toBe(
        "EFFECTIVE",
      );
    });

    it("two approvers pressing Terima at once on two instances give one outcome; the other is told who decided", async () => {
      const { s, t, clock } = await decreedDistrict();
      const response = await fileKeberatan(t, s.proposal.id);
      const other = buildTestBot(db.prisma, { clock });
      await Promise.all([
        t.send(inGroup(people.rina, `rd:u:${response.id}`)),
        other.send(inGroup(people.yosef, `rd:u:${response.id}`)),
      ]);
      const answers = [lastAnswer(t.calls), lastAnswer(other.calls)].sort();
      expect(answers[0]).toBe(`Diterima: usulan #${s.proposal.id} dibatalkan dan pegawai diberi tahu.`);
      expect(answers[1]).toMatch(
        /^Keberatan ini sudah diputuskan oleh (Rina Kaize|Yosef Gebze) \(.*\): diterima\.$/,
      );
      expect(await db.prisma.auditLog.count({ where: { action: "response.uphold" } })).toBe(1);
      expect(await db.prisma.auditLog.count({ where: { action: "proposal.cancel" } })).toBe(1);
      expect((await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).status).toBe(
        "CANCELLED",
      );
    });

    it("the SK letter of someone who has not joined goes to the origin head to hand over, without a button", async () => {
      const s = await seedHrDistrict(db.prisma);
      const t = buildTestBot(db.prisma, { clock: fixedClock("2026-11-30T02:00:00Z") });
      await t.send(inGroup(people.rina, `p:a:${s.proposal.id}`, 500));
      const proposal = await decree(s.proposal.id);
      await db.prisma.$transaction((tx) =>
        enqueueDecreeLetter(tx, {
          proposal,
          now: new Date("2026-12-02T00:30:00Z"),
          timeZone: "Asia/Jayapura",
          locale: "id",
        }),
      );
      const letters = await db.prisma.outboxMessage.findMany({
        where: { method: "sendDocument", dedupeKey: { contains: "decree-letter" } },
      });
      expect(letters.map((l) => l.chatId)).toEqual([BigInt(people.headSmp.id)]);
      const payload = letters[0]!.payload as { caption: string; reply_markup?: unknown };
      // Paulus reads English.
      expect(payload.caption).toContain(
        "Ani Wulandari has not joined Seimbang: please hand this letter over",
      );
      expect(payload.caption).toContain(`/invite pegawai ${ANI_NIP}`);
      expect(payload.reply_markup).toBeUndefined();
      const rendered = (await renderLetters(payload as Record<string, unknown>)) as {
        document: { base64: string };
      };
      const text = await pdfText(Buffer.from(rendered.document.base64, "base64"));
      // Whether or not the approval has already moved her, the letter names the role she leaves.
      expect(text).toContain(
        "dari Guru IPA di SMP Negeri 2 Salor ke SD Negeri 1 Salor sebagai Guru Kelas SD",
      );
      expect(text).toContain("Surat ini diserahkan oleh kepala unit Anda.");
      expect(text).not.toContain("«Ajukan keberatan»");
    });

    it("when the person has left, the origin head is told a dismissal, to pass it on", async () => {
      const { s, t } = await decreedDistrict();
      const response = await fileKeberatan(t, s.proposal.id);
      await db.prisma.user.update({ where: { telegramId: BigInt(ani.id) }, data: { active: false } });
      await t.send(inGroup(people.rina, `rd:d:${response.id}`));
      await t.send(textUpdate(people.rina, "Kebutuhan guru di SD Negeri 1 Salor paling mendesak.", HR_CHAT));
      const told = await db.prisma.outboxMessage.findMany({
        where: { dedupeKey: { startsWith: `response:${response.id}:outcome:` } },
      });
      expect(told.map((m) => m.chatId)).toEqual([BigInt(people.headSmp.id)]);
      // Paulus reads English.
      expect((told[0]!.payload as { text: string }).text).toBe(
        `❌ Objection by Ani Wulandari on transfer proposal #${s.proposal.id} (SMP Negeri 2 Salor → SD Negeri 1 Salor) was dismissed.\nReason: Kebutuhan guru di SD Negeri 1 Salor paling mendesak.\nPlease let them know.`,
      );
    });
  },
);
