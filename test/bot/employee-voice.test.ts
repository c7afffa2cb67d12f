import { describe, expect, it } from "vitest";
import { createInvite } from "../../src/use-cases/accounts/index.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { HR_CHAT_ID, people, seedHrDistrict } from "../support/hr-fixtures.ts";
import { buildTestBot, fixedClock, type TestBot } from "../support/harness.ts";
import { renderLetters } from "../../src/documents/letters.ts";
import { pdfText } from "../support/pdf-text.ts";
import { callbackUpdate, sentTexts, textUpdate, type Person } from "../support/telegram.ts";
import { buttonData, lastAnswer } from "../support/unit-head-fixtures.ts";

/** Ani Wulandari (SMP IPA teacher) and Budi Santoso (SD class teacher) on their own phones. */
const ani: Person = { id: 7001, first_name: "Ani", language_code: "id" };
const budi: Person = { id: 7002, first_name: "Budi", language_code: "id" };
const ANI_NIP = "198501012010012001";
const BUDI_NIP = "197803152005011002";

const last = (t: TestBot) => sentTexts(t.calls).at(-1) ?? "";
const press = (who: Person, data: string) => callbackUpdate(who, data, { message_id: 1000 });
const codeOf = (text: string) => /start=(\w{16})/.exec(text)?.[1] ?? "";

describe.skipIf(skipPg)("employees join by a NIP-bound invite and speak in /saya", () => {
  const db = useTestDatabase();

  async function district() {
    const s = await seedHrDistrict(db.prisma);
    await db.prisma.unit.update({ where: { id: s.sd.id }, data: { kecamatan: "Semangga" } });
    await db.prisma.unit.update({ where: { id: s.smp.id }, data: { kecamatan: "Tanah Miring" } });
    const sd4 = await db.prisma.unit.create({
      data: {
        code: "SDN-04",
        name: "SD Negeri 4 Salor",
        kind: "SD",
        agencyId: s.agency.id,
        npsn: "60300444",
      },
    });
    return { ...s, sd4 };
  }

  async function join(t: TestBot, who: Person, nip: string) {
    const invite = await createInvite(db.prisma, {
      target: { kind: "employee", nip },
      createdBy: "cli",
      now: t.deps.clock.now(),
    });
    await t.send(textUpdate(who, `/start ${invite.code}`));
  }

  it("a head invites their own teacher, who joins, says not willing with a reason and a note, then where, then willing; the head's /pegawai shows it", async () => {
    const s = await district();
    const t = buildTestBot(db.prisma, { clock: fixedClock("2026-11-30T01:00:00Z") });

    // Paulus heads SMPN-02 and reads English; the NIP may be typed in its groups.
    await t.send(textUpdate(people.headSmp, "/undang pegawai 19850101 201001 2 001"));
    expect(last(t)).toContain("Invite for employee <b>Ani Wulandari</b>");
    const code = codeOf(last(t));
    expect(await db.prisma.invite.findFirstOrThrow()).toMatchObject({
      role: "EMPLOYEE",
      employeeId: s.ani.id,
    });

    await t.send(textUpdate(ani, `/start ${code}`));
    expect(last(t)).toContain(
      "Akun Telegram ini sekarang terhubung dengan data kepegawaian <b>Ani Wulandari</b> (SMP Negeri 2 Salor)",
    );
    const user = await db.prisma.user.findUniqueOrThrow({ where: { telegramId: BigInt(ani.id) } });
    expect(user).toMatchObject({ role: "EMPLOYEE", employeeId: s.ani.id, unitId: null });

    await t.send(textUpdate(ani, "/saya"));
    const card = last(t);
    expect(card).toContain(
      "<b>Data kepegawaian Anda</b>\nNama: <b>Ani Wulandari</b>\nNIP: <code>198501012010012001</code>",
    );
    expect(card).toContain("Unit kerja: SMP Negeri 2 Salor (Kecamatan Tanah Miring)\nJabatan: Guru IPA");
    expect(card).toContain("Beban standar 24 JP (jam mengajar belum tercatat)");
    expect(card).toContain("Anda belum menyatakan kesediaan untuk dipindah.");

    await t.send(press(ani, buttonData(t.calls, "Tidak bersedia")));
    expect(last(t)).toBe("Apa alasan utama Anda tidak bersedia dipindah?");
    await t.send(press(ani, buttonData(t.calls, "ikut suami/istri")));
    expect(last(t)).toContain("Alasan: <b>ikut suami/istri</b>. Tulis catatan singkat");
    await t.send(textUpdate(ani, "x".repeat(301)));
    expect(sentTexts(t.calls).at(-2)).toBe("Catatan terlalu panjang: paling banyak 300 huruf.");
    expect(await db.prisma.employeeStatement.count()).toBe(0);
    await t.send(textUpdate(ani, "Suami bertugas di Merauke kota & anak masih kecil."));
    expect(last(t)).toContain("Tercatat: Anda <b>tidak bersedia</b> dipindah (ikut suami/istri).");
    expect(
      await db.prisma.employeeStatement.findUniqueOrThrow({ where: { employeeId: s.ani.id } }),
    ).toMatchObject({
      willing: false,
      reason: "IKUT_PASANGAN",
      note: "Suami bertugas di Merauke kota & anak masih kecil.",
      updatedById: user.id,
    });

    await t.send(textUpdate(ani, "/saya"));
    await t.send(press(ani, buttonData(t.calls, "Pilihan tujuan")));
    expect(last(t)).toContain("Ketik hingga 3 tujuan");
    const tries: Array<[string, string]> = [
      [
        "Salor",
        "«Salor» cocok dengan beberapa tujuan: SD Negeri 1 Salor (SDN-01); SD Negeri 4 Salor (SDN-04); SMP Negeri 2 Salor (SMPN-02)",
      ],
      ["Atlantis", "Tujuan «Atlantis» tidak ditemukan."],
      ["SMPN-02", "«SMPN-02» adalah unit Anda sekarang"],
      ["Semangga; SDN-04; 60300444; SDN-01", "Paling banyak 3 tujuan; Anda menulis 4."],
    ];
    for (const [typed, answer] of tries) {
      await t.send(textUpdate(ani, typed));
      expect(sentTexts(t.calls).at(-2)).toContain(answer);
    }
    expect((await db.prisma.employeeStatement.findFirstOrThrow()).preferences).toEqual([]);
    await t.send(textUpdate(ani, "Kecamatan Semangga; 60300444"));
    expect(last(t)).toContain(
      "Tercatat: pilihan tujuan Anda Kecamatan Semangga, SD Negeri 4 Salor (SDN-04).",
    );

    await t.send(textUpdate(people.headSmp, "/pegawai"));
    const list = last(t);
    expect(list).toContain(
      "✋ Not willing: following a spouse — “Suami bertugas di Merauke kota &amp; anak masih kecil.”",
    );
    expect(list).toContain("📍 Preferred destinations: Kecamatan Semangga, SD Negeri 4 Salor (SDN-04)");

    await t.send(textUpdate(ani, "/saya"));
    expect(last(t)).toContain("✋ Anda <b>tidak bersedia</b> dipindah: ikut suami/istri.");
    await t.send(press(ani, buttonData(t.calls, "Bersedia dipindah")));
    expect(last(t)).toContain("Tercatat: Anda <b>bersedia dipindah</b>.");
    expect(await db.prisma.employeeStatement.findFirstOrThrow()).toMatchObject({
      willing: true,
      reason: null,
      note: null,
    });
    await t.send(textUpdate(people.headSmp, "/pegawai"));
    expect(last(t)).toContain("🙋 Willing to move (volunteer)");
    const audit = await db.prisma.auditLog.findMany({
      where: { entity: "employee" },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "statement.unwilling",
      "statement.preferences",
      "statement.willing",
    ]);
  });

  it("answers a wrong NIP, another unit's NIP, an unknown NIP and a used invite, changing nothing", async () => {
    await district();
    const t = buildTestBot(db.prisma, {
      clock: fixedClock("2026-11-30T01:00:00Z"),
      adminIds: [BigInt(people.admin.id)],
    });
    const tries: Array<[string, string]> = [
      ["/undang pegawai 12345", "NIP 12345 is not valid."],
      [`/undang pegawai ${BUDI_NIP}`, `The employee with NIP ${BUDI_NIP} is not in your unit.`],
      ["/undang pegawai 199001012015011001", "There is no employee with NIP 199001012015011001."],
      ["/undang unit SDN-01", "Usage: /invite pegawai &lt;NIP&gt;"],
    ];
    for (const [typed, answer] of tries) {
      await t.send(textUpdate(people.headSmp, typed));
      expect(last(t)).toContain(answer);
    }
    await t.send(textUpdate(people.rina, `/undang pegawai ${ANI_NIP}`));
    expect(last(t)).toBe("Perintah ini hanya untuk admin.");
    expect(await db.prisma.invite.count()).toBe(0);

    // An admin may invite anyone, here a teacher of the SD.
    await t.send(textUpdate(people.admin, `/undang pegawai ${BUDI_NIP}`));
    expect(last(t)).toContain("Undangan untuk pegawai <b>Budi Santoso</b>");
    const invite = { code: codeOf(last(t)) };
    await t.send(textUpdate(budi, `/start ${invite.code}`));
    await t.send(textUpdate(ani, `/start ${invite.code}`));
    expect(last(t)).toContain("sudah dipakai");
    expect(await db.prisma.user.count({ where: { telegramId: BigInt(ani.id) } })).toBe(0);
    expect(await db.prisma.user.findUniqueOrThrow({ where: { telegramId: BigInt(budi.id) } })).toMatchObject({
      role: "EMPLOYEE",
    });

    await t.send(textUpdate(ani, "/saya"));
    expect(last(t)).toContain("Perintah ini untuk pegawai yang sudah bergabung.");
    await t.send(textUpdate(budi, "/pegawai"));
    expect(last(t)).not.toContain("Ani");
  });

  it("an employee is welcomed and helped as one; a head who joins as an employee stays head and gains /saya", async () => {
    const s = await district();
    const t = buildTestBot(db.prisma);
    await join(t, ani, ANI_NIP);
    await t.send(textUpdate(ani, "/start"));
    expect(last(t)).toContain("Akun ini terhubung dengan data kepegawaian Anda.");
    await t.send(textUpdate(ani, "/bantuan"));
    expect(last(t)).toContain("/saya — data saya, kesediaan mutasi dan pilihan tujuan");

    // Siti heads SDN-01 and is herself an ASN: Budi's record stands in for hers here.
    await join(t, people.siti, BUDI_NIP);
    const siti = await db.prisma.user.findUniqueOrThrow({ where: { telegramId: BigInt(people.siti.id) } });
    expect(siti).toMatchObject({ role: "UNIT_HEAD", unitId: s.sd.id, employeeId: s.budi.id });
    await t.send(textUpdate(people.siti, "/saya"));
    expect(last(t)).toContain("Nama: <b>Budi Santoso</b>");
    await t.send(textUpdate(people.siti, "/pegawai"));
    expect(last(t)).toContain("<b>Pegawai SD Negeri 1 Salor</b>");

    // A new phone: a second invite moves the record to the new account, and the old one lets go.
    const phone: Person = { id: 7009, first_name: "Ani" };
    await join(t, phone, ANI_NIP);
    expect(await db.prisma.user.findUniqueOrThrow({ where: { telegramId: BigInt(ani.id) } })).toMatchObject({
      role: "NONE",
      employeeId: null,
    });
    await t.send(textUpdate(ani, "/saya"));
    expect(last(t)).toContain("Perintah ini untuk pegawai yang sudah bergabung.");
  });

  it("an employee pressing someone else's button, a stale one or the same one twice changes nothing more", async () => {
    const s = await district();
    const t = buildTestBot(db.prisma);
    await join(t, ani, ANI_NIP);
    await join(t, budi, BUDI_NIP);
    await t.send(textUpdate(ani, "/saya"));
    const willing = buttonData(t.calls, "Bersedia dipindah");

    await t.send(press(budi, willing));
    expect(lastAnswer(t.calls)).toBe("Tombol ini dari pertanyaan lama dan sudah tidak berlaku.");
    await t.send(press(budi, `nr:${s.ani.id}`));
    expect(lastAnswer(t.calls)).toBe("Tombol ini untuk pegawai yang bersangkutan, bukan untuk Anda.");
    expect(await db.prisma.employeeStatement.count()).toBe(0);

    await t.send(press(ani, willing));
    await t.send(press(ani, willing));
    expect(lastAnswer(t.calls)).toBe("Tombol ini dari pertanyaan lama dan sudah tidak berlaku.");
    expect(await db.prisma.employeeStatement.findMany()).toMatchObject([
      { employeeId: s.ani.id, willing: true },
    ]);
    expect(await db.prisma.auditLog.count({ where: { action: "statement.willing" } })).toBe(1);
  });

  const approve = (proposalId: number) =>
    callbackUpdate(people.rina, `p:a:${proposalId}`, { message_id: 500, chatId: HR_CHAT_ID });

  it("approval sends the joined person the letter as a PDF with a Tanggapi button that asks for their response", async () => {
    const s = await district();
    const t = buildTestBot(db.prisma, { clock: fixedClock("2026-12-01T00:30:00Z") });
    await join(t, ani, ANI_NIP);
    await t.send(approve(s.proposal.id));

    const notice = await db.prisma.outboxMessage.findFirstOrThrow({ where: { method: "sendDocument" } });
    expect(notice.chatId).toBe(BigInt(ani.id));
    const payload = notice.payload as {
      caption: string;
      document: { letter: string; filename: string };
      reply_markup: { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> };
    };
    expect(payload.caption).toContain(
      "Surat pemberitahuan usulan mutasi: SMP Negeri 2 Salor → SD Negeri 1 Salor",
    );
    expect(payload.document.filename).toBe(`pemberitahuan-mutasi-${s.proposal.id}.pdf`);
    expect(payload.reply_markup.inline_keyboard).toEqual([
      [{ text: "Tanggapi", callback_data: `rs:r:${s.proposal.id}` }],
    ]);
    // The outbox holds the letter's data; the sender renders it (documents/letters.ts).
    const rendered = (await renderLetters(payload)) as { document: { base64: string } };
    const text = await pdfText(Buffer.from(rendered.document.base64, "base64"));
    expect(text).toContain(
      "Saudara/i Ani Wulandari, NIP 198501012010012001, saat ini Guru IPA di SMP Negeri 2 Salor (Kecamatan Tanah Miring), diusulkan untuk dimutasi ke SD Negeri 1 Salor (Kecamatan Semangga) sebagai Guru Kelas SD.",
    );
    expect(text).toContain("SD Negeri 1 Salor kekurangan 24 JP guru kelas");
    expect(text).toContain("beban Guru Kelas SD di sana berubah dari 150% menjadi 120%");
    expect(text).toContain("Surat Keputusan (SK)");
    // Nobody else gets the letter: the heads get their usual line.
    expect(await db.prisma.outboxMessage.count({ where: { method: "sendDocument" } })).toBe(1);

    await t.send(press(ani, `rs:r:${s.proposal.id}`));
    expect(last(t)).toContain(
      `Tulis tanggapan Anda atas usulan mutasi #${s.proposal.id} (SMP Negeri 2 Salor → SD Negeri 1 Salor)`,
    );
    // A letter sent before the button changed ("nr:{employee}") still leads to the same question.
    await t.send(textUpdate(ani, "/batal"));
    await t.send(press(ani, `nr:${s.ani.id}`));
    expect(last(t)).toContain(`Tulis tanggapan Anda atas usulan mutasi #${s.proposal.id}`);
  });

  it("approval of someone who has not joined sends the letter to the origin head to hand over", async () => {
    const s = await district();
    const t = buildTestBot(db.prisma, { clock: fixedClock("2026-12-01T00:30:00Z") });
    await t.send(approve(s.proposal.id));
    const notices = await db.prisma.outboxMessage.findMany({ where: { method: "sendDocument" } });
    expect(notices.map((n) => n.chatId)).toEqual([BigInt(people.headSmp.id)]);
    const payload = notices[0]?.payload as { caption: string; reply_markup?: unknown };
    expect(payload.caption).toContain("Ani Wulandari has not joined Seimbang: please hand this letter over");
    expect(payload.caption).toContain(`/invite pegawai ${ANI_NIP}`);
    expect(payload.reply_markup).toBeUndefined();
  });

  it("with neither the person nor an origin head joined, the HR group gets the letter to hand over, and the audit says so", async () => {
    const s = await district();
    // The SMP's head has left: nobody at the origin can take the letter.
    await db.prisma.user.update({ where: { id: s.headSmp.id }, data: { active: false } });
    const t = buildTestBot(db.prisma, { clock: fixedClock("2026-12-01T00:30:00Z") });
    await t.send(approve(s.proposal.id));
    const notices = await db.prisma.outboxMessage.findMany({ where: { method: "sendDocument" } });
    expect(notices.map((n) => n.chatId)).toEqual([BigInt(HR_CHAT_ID)]);
    const payload = notices[0]?.payload as { caption: string; reply_markup?: unknown };
    expect(payload.caption).toBe(
      `📄 Surat pemberitahuan usulan mutasi <b>Ani Wulandari</b> (NIP ${ANI_NIP}, SMP Negeri 2 Salor → SD Negeri 1 Salor). Ani Wulandari belum bergabung di Seimbang dan kepala unit asal belum terdaftar: mohon tim serahkan surat ini kepada yang bersangkutan, dan undang dengan /undang pegawai ${ANI_NIP} agar dapat menanggapi.`,
    );
    expect(payload.reply_markup).toBeUndefined();
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "letter.notice" } });
    expect(audit.details).toEqual({
      recipients: [{ as: "group", userId: null, chatId: String(HR_CHAT_ID) }],
    });
  });
});
