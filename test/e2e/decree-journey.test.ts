// Issue 15, "Done when", as one journey on one database: an employee joins by invite and volunteers,
// is proposed ahead of an equally suitable colleague, the team approves with quorum 2, she receives
// the notice PDF, the SK is recorded with its TMT (the SK letter with "Ajukan keberatan"), her
// keberatan reaches the group and is dismissed, the move happens on the TMT, and in a freeze an
// approval is refused. The bot is rebuilt (a restart) before every step, and the outbox is drained
// through the real sender to the Bot API stand-in (one stand-in for the whole journey, as Telegram
// keeps its messages across our restarts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { policyCommand } from "../../src/cli/commands/policy.ts";
import { statusCommand } from "../../src/cli/commands/status.ts";
import { createSendLimiter } from "../../src/delivery/limiter.ts";
import { startOutboxSender } from "../../src/delivery/sender.ts";
import { renderLetters } from "../../src/documents/letters.ts";
import type { OutboxMessage } from "../../src/generated/prisma/client.ts";
import { runDailyAt } from "../support/decree.ts";
import { createLogger } from "../../src/logger.ts";
import { startBotApiServer, type BotApiServer, type RecordedCall } from "../support/bot-api-server.ts";
import { testCli } from "../support/cli.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { onClock, simulatedClock, standInCallApi, waitForDrain } from "../support/delivery.ts";
import { seedSmallDistrict } from "../support/fixtures.ts";
import { buildTestBot, fixedClock, type TestBot } from "../support/harness.ts";
import { createPendingProposal, HR_CHAT, HR_CHAT_ID } from "../support/hr-fixtures.ts";
import { pdfText } from "../support/pdf-text.ts";
import { callbackUpdate, sentTexts, textUpdate, type ApiCall, type Person } from "../support/telegram.ts";
import { buttonData } from "../support/unit-head-fixtures.ts";
import { deliveryPolicy } from "../../src/use-cases/outbox-policy/index.ts";

const admin: Person = { id: 9001, first_name: "Admin" };
/** The team: three approvers of DISDIK, so the stored quorum 1 counts as 2. */
const rina: Person = { id: 6001, first_name: "Rina", last_name: "Kaize", language_code: "id" };
const yosef: Person = { id: 6002, first_name: "Yosef", last_name: "Gebze", language_code: "id" };
const markus: Person = { id: 6010, first_name: "Markus", last_name: "Mahuze", language_code: "id" };
/** Heads of SD Negeri 1 Salor (destination) and SD Negeri 3 Salor (origin). */
const siti: Person = { id: 6004, first_name: "Siti", last_name: "Rahayu", language_code: "id" };
const yakobus: Person = { id: 6006, first_name: "Yakobus", last_name: "Kaize", language_code: "id" };
/** Dewi (the volunteer) and Citra (same school, role and hours, lower NIP; says nothing). */
const dewi: Person = { id: 7102, first_name: "Dewi", language_code: "id" };
const CITRA_NIP = "198203102008012003";
const DEWI_NIP = "199005202015032004";
const SK = "800.1.6.2/77/BKPSDM/2026";
const WORDS = "Saya mengajar kelas 6 yang akan ujian; mohon TMT ditunda sampai akhir tahun ajaran.";
const REASON = "SD Negeri 1 Salor kekurangan guru kelas sekarang; kelas 6 di SD Negeri 3 tetap diajar Citra.";

const last = (t: TestBot) => sentTexts(t.calls).at(-1) ?? "";
const lastAnswer = (calls: ApiCall[]) => {
  const call = calls.filter((c) => c.method === "answerCallbackQuery").at(-1);
  return { text: call?.payload.text, alert: call?.payload.show_alert };
};
const codeOf = (text: string) => /start=(\w{16})/.exec(text)?.[1] ?? "";
type Keyboard = { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> };
const keyboardOf = (payload: Record<string, unknown>): Keyboard =>
  (typeof payload.reply_markup === "string"
    ? JSON.parse(payload.reply_markup)
    : payload.reply_markup) as Keyboard;

describe.skipIf(skipPg)("issue 15 end to end: from the invite to the decree's TMT, across restarts", () => {
  const db = useTestDatabase({ resetEach: false });
  let server: BotApiServer;
  const telegram = simulatedClock();
  beforeAll(async () => {
    server = await startBotApiServer({ now: telegram.now });
  });
  afterAll(async () => {
    await server?.close();
  });

  /** A restart: a new bot from the same database, on the given instant. */
  const restart = (iso: string) =>
    buildTestBot(db.prisma, { clock: fixedClock(iso), adminIds: [BigInt(admin.id)] });

  /** The real sender drains the outbox to the stand-in; returns what Telegram accepted meanwhile. */
  async function drain(): Promise<RecordedCall[]> {
    const before = server.delivered().length;
    const beforeAll = server.calls.length;
    const sender = startOutboxSender({
      db: onClock(db.prisma, telegram),
      callApi: standInCallApi(server, telegram),
      limiter: createSendLimiter({ clock: telegram }),
      logger: createLogger("silent"),
      // Where a sent card sits is remembered, as main.ts wires it.
      ...deliveryPolicy({ ADMIN_TELEGRAM_IDS: [], DEFAULT_LOCALE: "id" }),
      clock: telegram,
    });
    try {
      await waitForDrain(db.prisma, 60_000, telegram);
    } finally {
      await sender.stop();
    }
    expect(server.refused).toEqual([]);
    const edited = server.calls.slice(beforeAll).filter((c) => c.method.startsWith("editMessage"));
    return [...server.delivered().slice(before), ...edited.filter((c) => c.outcome === "ok")];
  }
  const to = (calls: RecordedCall[], who: Person | number) =>
    calls.filter((c) => String(c.payload.chat_id) === String(typeof who === "number" ? who : who.id));
  const textOf = (c: RecordedCall | undefined) => String(c?.payload.text ?? c?.payload.caption ?? "");
  /** The PDF an outbox row carries, rendered as the sender renders it, read back as text. */
  async function letterText(row: OutboxMessage): Promise<string> {
    const rendered = (await renderLetters(row.payload as Record<string, unknown>)) as {
      document: { base64: string };
    };
    return pdfText(Buffer.from(rendered.document.base64, "base64"));
  }
  const cli = async (command: typeof statusCommand, args: string[], iso: string) => {
    const run = testCli(db.prisma, { clock: fixedClock(iso) });
    await command.run(args, run.ctx);
    return run.out;
  };

  it("invite, volunteer, /cek, quorum 2, notice, SK, keberatan dismissed, TMT, freeze, audit and status", async () => {
    // The district: SD Negeri 1 Salor (Semangga) needs 48 JP of class teaching and has Budi's 24;
    // SD Negeri 3 Salor needs 24 and has Citra and Dewi, 24 JP each, both long in post.
    const d = await seedSmallDistrict(db.prisma);
    await db.prisma.unit.update({ where: { id: d.sd.id }, data: { kecamatan: "Semangga" } });
    const sd3 = await db.prisma.unit.create({
      data: {
        code: "SDN-03",
        name: "SD Negeri 3 Salor",
        kind: "SD",
        agencyId: d.agency.id,
        lat: -8.45,
        lon: 140.4,
        kecamatan: "Salor",
      },
    });
    const teacher = (nip: string, name: string) =>
      db.prisma.employee.create({
        data: {
          nip,
          name,
          unitId: sd3.id,
          roleId: d.guruKelas.id,
          weeklyHours: 24,
          birthDate: new Date(`${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`),
          postSince: new Date("2017-07-01"),
        },
      });
    const citraRow = await teacher(CITRA_NIP, "Citra Lestari");
    const dewiRow = await teacher(DEWI_NIP, "Dewi Kambu");
    for (const [unitId, roleId, hoursNeeded] of [
      [d.sd.id, d.guruKelas.id, 48],
      [d.smp.id, d.guruIpa.id, 24],
      [sd3.id, d.guruKelas.id, 24],
    ] as const)
      await db.prisma.workloadReport.create({ data: { unitId, roleId, hoursNeeded, period: "2026-11" } });
    await db.prisma.hrGroup.create({
      data: { chatId: BigInt(HR_CHAT_ID), title: HR_CHAT.title, agencyId: d.agency.id },
    });
    const user = (p: Person, role: "HR_APPROVER" | "UNIT_HEAD", unitId?: number) =>
      db.prisma.user.create({
        data: {
          telegramId: BigInt(p.id),
          name: [p.first_name, p.last_name].filter(Boolean).join(" "),
          role,
          agencyId: d.agency.id,
          unitId: unitId ?? null,
          locale: p.language_code ?? null,
        },
      });
    await user(rina, "HR_APPROVER");
    const yosefRow = await user(yosef, "HR_APPROVER");
    await user(markus, "HR_APPROVER");
    await user(siti, "UNIT_HEAD", d.sd.id);
    await user(yakobus, "UNIT_HEAD", sd3.id);

    // ── 1. The admin invites Dewi by NIP; she joins on her phone and volunteers in /saya. ──
    let t = restart("2026-11-30T01:00:00Z"); // Monday 10:00 WIT
    await t.send(textUpdate(admin, `/undang pegawai ${DEWI_NIP}`));
    expect(last(t)).toContain("Undangan untuk pegawai <b>Dewi Kambu</b>");
    const code = codeOf(last(t));
    expect(code).toHaveLength(16);
    t = restart("2026-11-30T01:05:00Z");
    await t.send(textUpdate(dewi, `/start ${code}`));
    expect(last(t)).toContain(
      "Akun Telegram ini sekarang terhubung dengan data kepegawaian <b>Dewi Kambu</b> (SD Negeri 3 Salor)",
    );
    const dewiUser = await db.prisma.user.findUniqueOrThrow({ where: { telegramId: BigInt(dewi.id) } });
    expect(dewiUser).toMatchObject({ role: "EMPLOYEE", employeeId: dewiRow.id });
    t = restart("2026-11-30T01:06:00Z");
    await t.send(textUpdate(dewi, "/saya"));
    expect(last(t)).toContain("Anda belum menyatakan kesediaan untuk dipindah.");
    const willing = buttonData(t.calls, "Bersedia dipindah");
    t = restart("2026-11-30T01:07:00Z");
    await t.send(callbackUpdate(dewi, willing, { message_id: 1000 }));
    expect(last(t)).toContain("Tercatat: Anda <b>bersedia dipindah</b>.");
    expect(
      await db.prisma.employeeStatement.findUniqueOrThrow({ where: { employeeId: dewiRow.id } }),
    ).toMatchObject({ willing: true });
    // Citra said nothing.
    expect(await db.prisma.employeeStatement.count({ where: { employeeId: citraRow.id } })).toBe(0);
    expect(to(await drain(), dewi)).toEqual([]);

    // ── 2. /cek in the HR group proposes the volunteer, not the colleague with the lower NIP. ──
    t = restart("2026-11-30T01:10:00Z");
    await t.send(textUpdate(rina, "/cek", HR_CHAT));
    expect(last(t)).toMatch(
      /kekurangan seluruh kabupaten 24 JP → 0 JP per minggu; 1 usulan: 1 dikirim ke tim\./,
    );
    const proposals = await db.prisma.proposal.findMany();
    expect(proposals).toHaveLength(1);
    const proposal = proposals[0]!;
    expect(proposal).toMatchObject({
      employeeId: dewiRow.id,
      fromUnitId: sd3.id,
      toUnitId: d.sd.id,
      status: "PENDING",
    });
    expect(proposal.reason).toContain("bersedia (sukarela)");
    const posted = to(await drain(), HR_CHAT_ID);
    const digest = posted.find((c) => textOf(c).includes("Dewi Kambu"));
    expect(textOf(digest)).not.toContain("Citra");
    const cardMessage = { message_id: digest?.messageId ?? 0, chatId: HR_CHAT_ID };
    expect(cardMessage.message_id).toBeGreaterThan(0);
    const approveData = keyboardOf(digest?.payload ?? {})
      .inline_keyboard.flat()
      .find((b) => b.callback_data === `p:a:${proposal.id}`);
    expect(approveData?.text).toContain("Setujui");
    expect((await db.prisma.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).cardMessageId).toBe(
      cardMessage.message_id,
    );

    // ── 3. Quorum 2 of three: a vote, a double press that changes nothing, then the second approver. ──
    t = restart("2026-11-30T02:00:00Z"); // 11:00 WIT
    await t.send(callbackUpdate(rina, `p:a:${proposal.id}`, cardMessage));
    expect(lastAnswer(t.calls)).toEqual({ text: "Persetujuan Anda dicatat (1 dari 2).", alert: undefined });
    const afterVote = await db.prisma.proposal.findUniqueOrThrow({ where: { id: proposal.id } });
    expect(afterVote.status).toBe("PENDING");
    const beforeDouble = {
      outbox: await db.prisma.outboxMessage.count(),
      audit: await db.prisma.auditLog.count(),
    };
    t = restart("2026-11-30T02:01:00Z");
    await t.send(callbackUpdate(rina, `p:a:${proposal.id}`, cardMessage));
    expect(lastAnswer(t.calls)).toEqual({
      text: "Anda sudah menyetujui usulan ini; menunggu persetujuan anggota lain (1 dari 2).",
      alert: true,
    });
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({
      status: "PENDING",
      version: afterVote.version,
    });
    expect(await db.prisma.decision.count()).toBe(1);
    expect({
      outbox: await db.prisma.outboxMessage.count(),
      audit: await db.prisma.auditLog.count(),
    }).toEqual(beforeDouble);
    expect(t.calls.filter((c) => c.method === "editMessageText")).toEqual([]);
    t = restart("2026-11-30T02:30:00Z"); // 11:30 WIT
    await t.send(callbackUpdate(yosef, `p:a:${proposal.id}`, cardMessage));
    expect(lastAnswer(t.calls).text).toBe(`Usulan #${proposal.id} disetujui tim; menunggu SK.`);
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({
      status: "APPROVED",
      decidedById: yosefRow.id,
      tmt: null,
    });
    expect(await db.prisma.decision.count({ where: { verdict: "APPROVE" } })).toBe(2);
    // The digest, edited in place where the press was, reads the team's advice.
    const approvedEdit = t.calls.filter((c) => c.method === "editMessageText").at(-1);
    expect(approvedEdit?.payload).toMatchObject({ message_id: cardMessage.message_id });
    expect(String(approvedEdit?.payload.text)).toContain("✅ <b>Disetujui tim</b>");
    expect(String(approvedEdit?.payload.text)).toContain("menunggu SK");
    // Not moved yet: the move waits for the SK's TMT.
    expect(await db.prisma.employee.findUniqueOrThrow({ where: { id: dewiRow.id } })).toMatchObject({
      unitId: sd3.id,
    });
    expect(await db.prisma.transfer.count()).toBe(0);

    // ── 4. Dewi receives the notice PDF: her name, the destination, the reason. ──
    const approvedOut = await drain();
    const noticeCall = to(approvedOut, dewi).find((c) => c.method === "sendDocument");
    expect(noticeCall).toBeDefined();
    // Nobody else is told of a move yet.
    expect(to(approvedOut, siti)).toEqual([]);
    expect(to(approvedOut, yakobus)).toEqual([]);
    const noticeRow = await db.prisma.outboxMessage.findFirstOrThrow({
      where: { chatId: BigInt(dewi.id), method: "sendDocument" },
      orderBy: { id: "asc" },
    });
    const notice = await letterText(noticeRow);
    expect(notice).toContain("SURAT PEMBERITAHUAN USULAN MUTASI");
    expect(notice).toContain("Dewi Kambu");
    expect(notice).toContain("SD Negeri 3 Salor");
    expect(notice).toContain("diusulkan untuk dimutasi ke SD Negeri 1 Salor");
    expect(notice).toContain("kekurangan");
    expect(notice).toContain("bersedia");

    // ── 5. The admin records the SK with a TMT in the future: DECREED, the SK letter goes to Dewi. ──
    t = restart("2026-12-01T01:00:00Z"); // Tuesday 10:00 WIT
    await t.send(textUpdate(admin, `/sk ${proposal.id} ${SK} 01-12-2026 04-01-2027`));
    expect(last(t)).toContain(
      `📜 SK usulan #${proposal.id} dicatat: <b>${SK}</b> tanggal 01-12-2026, TMT 04-01-2027.`,
    );
    const decreed = await db.prisma.proposal.findUniqueOrThrow({ where: { id: proposal.id } });
    expect(decreed).toMatchObject({ status: "DECREED", skNumber: SK });
    expect(decreed.tmt?.toISOString().slice(0, 10)).toBe("2027-01-04");
    const decreedOut = await drain();
    const decreedEdit = to(decreedOut, HR_CHAT_ID).find((c) => c.method === "editMessageText");
    expect(decreedEdit?.payload.message_id).toBe(cardMessage.message_id);
    expect(textOf(decreedEdit)).toContain(`<b>SK ${SK}</b> tanggal 01-12-2026, TMT 04-01-2027`);
    const letterCall = to(decreedOut, dewi).find((c) => c.method === "sendDocument");
    expect(keyboardOf(letterCall?.payload ?? {}).inline_keyboard).toEqual([
      [{ text: "Ajukan keberatan", callback_data: `rs:k:${proposal.id}` }],
    ]);
    const letterRow = await db.prisma.outboxMessage.findFirstOrThrow({
      where: { chatId: BigInt(dewi.id), method: "sendDocument", id: { gt: noticeRow.id } },
    });
    const letter = await letterText(letterRow);
    expect(letter).toContain("SURAT PEMBERITAHUAN KEPUTUSAN MUTASI");
    expect(letter).toContain(`Surat Keputusan (SK) Nomor ${SK} tanggal 1 Desember 2026`);
    expect(letter).toContain("terhitung mulai tanggal (TMT) 4 Januari 2027");
    expect(letter).toContain("21 hari kerja");
    expect(letter).toContain("«Ajukan keberatan»");
    expect(await db.prisma.employee.findUniqueOrThrow({ where: { id: dewiRow.id } })).toMatchObject({
      unitId: sd3.id,
    });

    // A later check counts her as gone from SD Negeri 3 and arrived at SD Negeri 1: nobody is proposed
    // (not Dewi twice, not Citra into a need already covered).
    t = restart("2026-12-01T02:00:00Z");
    await t.send(textUpdate(rina, "/cek", HR_CHAT));
    expect(await db.prisma.proposal.count()).toBe(1);
    expect(last(t)).toBe(
      "Pemeriksaan #2 selesai: tidak ada kekurangan yang belum tertangani; usulan yang sedang berjalan sudah diperhitungkan.",
    );
    await drain();

    // ── 6. Her keberatan: the button, a restart, her words; a card in the group; Tolak with a reason. ──
    t = restart("2026-12-02T00:00:00Z");
    await t.send(callbackUpdate(dewi, `rs:k:${proposal.id}`, { message_id: letterCall?.messageId ?? 0 }));
    expect(last(t)).toContain(`Tulis keberatan Anda atas SK mutasi Nomor ${SK}`);
    t = restart("2026-12-02T00:05:00Z");
    await t.send(textUpdate(dewi, WORDS));
    expect(last(t)).toContain(`Keberatan Anda atas SK Nomor ${SK} sudah dicatat`);
    const response = await db.prisma.employeeResponse.findFirstOrThrow();
    expect(response).toMatchObject({
      proposalId: proposal.id,
      kind: "KEBERATAN",
      status: "OPEN",
      text: WORDS,
    });
    const cardOut = to(await drain(), HR_CHAT_ID);
    const responseCard = cardOut.find((c) => textOf(c).includes(`Keberatan atas SK mutasi #${proposal.id}`));
    expect(textOf(responseCard)).toContain(`<blockquote>${WORDS}</blockquote>`);
    const responseAt = { message_id: responseCard?.messageId ?? 0, chatId: HR_CHAT_ID };
    expect(
      keyboardOf(responseCard?.payload ?? {})
        .inline_keyboard.flat()
        .map((b) => b.callback_data),
    ).toEqual([`rd:u:${response.id}`, `rd:d:${response.id}`]);
    t = restart("2026-12-02T01:00:00Z"); // 10:00 WIT
    await t.send(callbackUpdate(yosef, `rd:d:${response.id}`, responseAt));
    expect(lastAnswer(t.calls).text).toBe("Tulis alasannya sebagai balasan pesan di grup.");
    t = restart("2026-12-02T01:02:00Z");
    await t.send(textUpdate(yosef, REASON, HR_CHAT));
    expect(last(t)).toBe(`❌ Keberatan #${proposal.id} ditolak; Dewi Kambu diberi tahu alasannya.`);
    expect(await db.prisma.employeeResponse.findUniqueOrThrow({ where: { id: response.id } })).toMatchObject({
      status: "DISMISSED",
      decidedById: yosefRow.id,
      decisionReason: REASON,
    });
    expect((await db.prisma.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).status).toBe(
      "DECREED",
    );
    const dismissedOut = await drain();
    expect(to(dismissedOut, dewi).map(textOf)).toEqual([
      `❌ Keberatan Anda atas usulan mutasi #${proposal.id} (SD Negeri 3 Salor → SD Negeri 1 Salor) ditolak tim mutasi.\nAlasan: ${REASON}`,
    ]);
    const cardEdit = to(dismissedOut, HR_CHAT_ID).find((c) => c.method === "editMessageText");
    expect(cardEdit?.payload.message_id).toBe(responseAt.message_id);
    expect(textOf(cardEdit)).toContain("Ditolak oleh Yosef Gebze");

    // ── 7. The TMT: the 06:00 WIT job carries the move out; both heads and Dewi are told; a rerun does nothing. ──
    const daily = (iso: string) => runDailyAt(db.prisma, iso, [BigInt(admin.id)]);
    expect(await daily("2027-01-02T21:00:00Z")).toMatchObject({ effective: 0 });
    expect((await db.prisma.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).status).toBe(
      "DECREED",
    );
    expect(await daily("2027-01-03T21:00:00Z")).toMatchObject({ effective: 1, cancelled: 0 });
    const effective = await db.prisma.proposal.findUniqueOrThrow({ where: { id: proposal.id } });
    expect(effective.status).toBe("EFFECTIVE");
    const moved = await db.prisma.employee.findUniqueOrThrow({ where: { id: dewiRow.id } });
    expect(moved).toMatchObject({ unitId: d.sd.id, roleId: d.guruKelas.id });
    expect(moved.postSince.toISOString().slice(0, 10)).toBe("2027-01-04");
    const effectiveOut = await drain();
    const effectiveEdit = to(effectiveOut, HR_CHAT_ID).find((c) => c.method === "editMessageText");
    expect(effectiveEdit?.payload.message_id).toBe(cardMessage.message_id);
    expect(textOf(effectiveEdit)).toContain("🏁 <b>Berlaku</b> sejak TMT 04-01-2027");
    expect(textOf(to(effectiveOut, siti)[0])).toContain(
      `Mutasi berlaku (SK ${SK}, TMT 04-01-2027): <b>Dewi Kambu</b> (NIP ${DEWI_NIP}) pindah ke unit Anda SD Negeri 1 Salor`,
    );
    expect(to(effectiveOut, yakobus)).toHaveLength(1);
    expect(textOf(to(effectiveOut, yakobus)[0])).toContain("Dewi Kambu");
    expect(textOf(to(effectiveOut, dewi)[0])).toContain(
      "Mulai hari ini (TMT 04-01-2027) Anda bertugas di <b>SD Negeri 1 Salor</b>",
    );
    const counts = async () => ({
      outbox: await db.prisma.outboxMessage.count(),
      audit: await db.prisma.auditLog.count(),
      transfers: await db.prisma.transfer.count(),
      version: (await db.prisma.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).version,
    });
    const settled = await counts();
    expect(settled.transfers).toBe(1);
    expect(await daily("2027-01-03T22:00:00Z")).toMatchObject({ effective: 0, cancelled: 0 });
    expect(await counts()).toEqual(settled);

    // ── 8. A freeze: the admin adds a blackout; approving another pending proposal is refused. ──
    const policy = testCli(db.prisma, { clock: fixedClock("2027-01-04T00:00:00Z") });
    await policyCommand.run(
      ["blackout", "add", "04-01-2027", "29-01-2027", "Pilkada", "ulang", "2027"],
      policy.ctx,
    );
    expect(policy.out).toEqual(["added: 1. 04-01-2027 – 29-01-2027  Pilkada ulang 2027  (approvals frozen)"]);
    // Another proposal, already on the group's card: Ani from the SMP to SD Negeri 1.
    const other = await createPendingProposal(db.prisma, {
      employeeId: d.ani.id,
      fromUnitId: d.smp.id,
      toUnitId: d.sd.id,
      roleId: d.guruKelas.id,
      agencyId: d.agency.id,
      now: new Date("2027-01-04T00:00:00Z"),
      cardMessageId: cardMessage.message_id,
    });
    const frozen = await counts();
    t = restart("2027-01-04T01:00:00Z");
    await t.send(callbackUpdate(rina, `p:a:${other.id}`, cardMessage));
    expect(lastAnswer(t.calls)).toEqual({
      text: expect.stringContaining("Persetujuan mutasi dihentikan sampai 29-01-2027 (Pilkada ulang 2027"),
      alert: true,
    });
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({
      status: "PENDING",
      version: other.version,
    });
    expect(await db.prisma.decision.count({ where: { proposalId: other.id } })).toBe(0);
    expect(await counts()).toEqual(frozen);
    expect(t.calls.filter((c) => c.method === "editMessageText")).toEqual([]);

    // ── 9. The audit trail in order; status --json shows the proposal EFFECTIVE with its SK. ──
    const trail = await db.prisma.auditLog.findMany({ orderBy: { id: "asc" } });
    const journey = trail
      .filter((a) => /^(proposal|response|transfer)\./.test(a.action))
      .map((a) => [a.action, a.actorName]);
    expect(journey).toEqual([
      ["proposal.approve", "Rina Kaize"],
      ["proposal.approve", "Yosef Gebze"],
      ["proposal.decree", "Admin"],
      // Her name as her record has it, not her Telegram account's.
      ["response.keberatan", "Dewi Kambu"],
      ["response.dismiss", "Yosef Gebze"],
      ["transfer.create", "system"],
      ["proposal.effective", "system"],
    ]);
    expect(trail.map((a) => a.action)).toContain("statement.willing");
    expect(trail.map((a) => a.action)).toContain("policy.blackout.add");
    expect(trail.find((a) => a.action === "response.dismiss")?.details).toMatchObject({
      responseId: response.id,
      reason: REASON,
    });
    const status = JSON.parse((await cli(statusCommand, ["--json"], "2027-01-04T01:00:00Z"))[0] ?? "{}");
    expect(status.proposals).toContainEqual(
      expect.objectContaining({
        id: proposal.id,
        status: "EFFECTIVE",
        nip: DEWI_NIP,
        from: "SDN-03",
        to: "SDN-01",
        skNumber: SK,
        skDate: "2026-12-01",
        tmt: "2027-01-04",
        effectiveAt: "2027-01-03T21:00:00.000Z",
      }),
    );
  }, 240_000);
});
