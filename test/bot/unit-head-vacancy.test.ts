import { describe, expect, it } from "vitest";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { buildTestBot, fixedClock } from "../support/harness.ts";
import { callbackUpdate, sentTexts, textUpdate } from "../support/telegram.ts";
import { allowRefusals } from "../support/refusals.ts";
import {
  approverPerson,
  buttonData,
  HR_CHAT_ID,
  lastAnswer,
  lastButtons,
  sdHeadPerson,
  seedUnitHeadDistrict,
  smpHeadPerson,
  strangerPerson,
} from "../support/unit-head-fixtures.ts";

describe.skipIf(skipPg)("unit head: /lowongan vacancy conversation", () => {
  const db = useTestDatabase();

  const siti = sdHeadPerson;
  const press = (data: string) => callbackUpdate(siti, data, { message_id: 1000 });
  const session = async (person = siti) =>
    (await db.prisma.conversationSession.findUnique({ where: { key: `${person.id}:${person.id}` } }))
      ?.data as {
      conversation?: { step: string; nonce: string } | null;
    };

  it("reports a vacancy from role to Kirim and tells the HR group through the outbox", async () => {
    const district = await seedUnitHeadDistrict(db.prisma);
    // Another SD of the agency has a PJOK teacher: an SD's head sees that role before SMP subjects.
    const pjok = await db.prisma.role.create({
      data: { code: "GURU_PJOK", name: "Guru PJOK", standardHours: 24 },
    });
    const sd9 = await db.prisma.unit.create({
      data: { code: "SDN-09", name: "SD Negeri 9 Salor", kind: "SD", agencyId: district.agency.id },
    });
    await db.prisma.employee.create({
      data: {
        nip: "198801012012012009",
        name: "Guru Olahraga",
        unitId: sd9.id,
        roleId: pjok.id,
        weeklyHours: 24,
        birthDate: new Date("1988-01-01"),
        postSince: new Date("2015-01-01"),
      },
    });
    const t = buildTestBot(db.prisma, { clock: fixedClock("2026-11-30T00:00:00Z") });

    await t.send(textUpdate(siti, "/lowongan"));
    expect(sentTexts(t.calls).at(-1)).toContain("Lowongan di <b>SD Negeri 1 Salor</b>");
    // The unit's roles first, then the agency's catalogue, roles of SDs before the others; never another agency's.
    expect(lastButtons(t.calls).map((b) => b.text)).toEqual([
      "Guru Kelas SD",
      "Tenaga Administrasi",
      "Guru PJOK",
      "Guru IPA",
    ]);

    await t.send(press(buttonData(t.calls, "Guru Kelas SD")));
    expect(sentTexts(t.calls).at(-1)).toContain("Berapa orang <b>Guru Kelas SD</b>");
    await t.send(textUpdate(siti, "2"));
    expect(sentTexts(t.calls).at(-1)).toContain("Apa penyebab lowongan");
    expect(lastButtons(t.calls).map((b) => b.text)).toEqual([
      "Pensiun",
      "Mutasi keluar",
      "Meninggal",
      "Tugas belajar",
      "Lainnya",
    ]);
    await t.send(press(buttonData(t.calls, "Pensiun")));
    expect(sentTexts(t.calls).at(-1)).toContain("Sejak kapan");
    await t.send(press(buttonData(t.calls, "Bulan ini")));
    const summary = sentTexts(t.calls).at(-1);
    expect(summary).toContain(
      "Jabatan: Guru Kelas SD\nJumlah: 2 orang\nPenyebab: Pensiun\nSejak: 01-11-2026",
    );
    expect(lastButtons(t.calls).map((b) => b.text)).toEqual(["Kirim", "Ubah", "Batal"]);
    expect(await db.prisma.vacancy.count()).toBe(0);

    await t.send(press(buttonData(t.calls, "Kirim")));
    const vacancy = await db.prisma.vacancy.findFirstOrThrow();
    expect(vacancy).toMatchObject({
      unitId: district.sd.id,
      roleId: district.guruKelas.id,
      count: 2,
      reason: "PENSIUN",
      reasonText: null,
    });
    expect(vacancy.since.toISOString().slice(0, 10)).toBe("2026-11-01");
    expect(sentTexts(t.calls).at(-1)).toContain("Lowongan 2 Guru Kelas SD di SD Negeri 1 Salor tercatat");
    const outbox = await db.prisma.outboxMessage.findFirstOrThrow();
    expect(outbox).toMatchObject({
      dedupeKey: `vacancy:${vacancy.id}`,
      chatId: BigInt(HR_CHAT_ID),
      method: "sendMessage",
    });
    expect((outbox.payload as { text: string }).text).toContain("Lowongan baru</b> di SD Negeri 1 Salor");
    expect(await db.prisma.auditLog.count({ where: { action: "vacancy.report" } })).toBe(1);
  });

  it("answers every kind of wrong input with a specific message and the same question, saving nothing", async () => {
    await seedUnitHeadDistrict(db.prisma);
    const t = buildTestBot(db.prisma, { clock: fixedClock("2026-11-30T00:00:00Z") });
    await t.send(textUpdate(siti, "/lowongan"));
    await t.send(textUpdate(siti, "Guru Kelas"));
    expect(sentTexts(t.calls).slice(-2)).toEqual([
      expect.stringContaining("menekan salah satu tombol"),
      expect.stringContaining("(1/4)"),
    ]);
    await t.send(press(buttonData(t.calls, "Tenaga Administrasi")));

    const wrongCounts: Array<[string, string]> = [
      ["0", "paling sedikit 1 orang"],
      ["abc", "«abc» bukan angka"],
      ["51", "paling banyak 50 orang"],
      ["2.5", "bilangan bulat"],
    ];
    for (const [answer, message] of wrongCounts) {
      t.mark();
      await t.send(textUpdate(siti, answer));
      expect(sentTexts(t.since())).toEqual([
        expect.stringContaining(message),
        expect.stringContaining("(2/4) Berapa orang"),
      ]);
    }
    await t.send(textUpdate(siti, "3"));
    await t.send(press(buttonData(t.calls, "Lainnya")));
    expect(sentTexts(t.calls).at(-1)).toContain("Tuliskan penyebabnya");
    t.mark();
    await t.send(textUpdate(siti, "x".repeat(201)));
    expect(sentTexts(t.since())).toEqual([
      expect.stringContaining("terlalu panjang (201 huruf)"),
      expect.stringContaining("Tuliskan penyebabnya"),
    ]);
    await t.send(textUpdate(siti, "Pindah ke <kabupaten> lain"));

    const wrongDates: Array<[string, string]> = [
      ["kemarin", "bukan tanggal"],
      ["31-02-2026", "tidak ada di kalender"],
      ["01-12-2026", "belum lewat"],
    ];
    for (const [answer, message] of wrongDates) {
      t.mark();
      await t.send(textUpdate(siti, answer));
      expect(sentTexts(t.since())).toEqual([
        expect.stringContaining(message),
        expect.stringContaining("(4/4) Sejak kapan"),
      ]);
    }
    await t.send(textUpdate(siti, "15-10-2026"));
    expect(sentTexts(t.calls).at(-1)).toContain(
      "Penyebab: Lainnya — Pindah ke &lt;kabupaten&gt; lain\nSejak: 15-10-2026",
    );
    expect(await db.prisma.vacancy.count()).toBe(0);

    // Ubah goes back to the first question; the new answers replace the old ones.
    await t.send(press(buttonData(t.calls, "Ubah")));
    expect(sentTexts(t.calls).at(-1)).toContain("(1/4)");
    await t.send(press(buttonData(t.calls, "Guru Kelas SD")));
    await t.send(textUpdate(siti, "4"));
    await t.send(press(buttonData(t.calls, "Tugas belajar")));
    await t.send(press(buttonData(t.calls, "Bulan lalu")));
    expect(sentTexts(t.calls).at(-1)).toContain(
      "Jumlah: 4 orang\nPenyebab: Tugas belajar\nSejak: 01-10-2026",
    );
    await t.send(press(buttonData(t.calls, "Kirim")));
    const vacancy = await db.prisma.vacancy.findFirstOrThrow({ include: { role: true } });
    expect(vacancy).toMatchObject({ count: 4, reason: "TUGAS_BELAJAR", reasonText: null });
    expect(vacancy.role.code).toBe("GURU_KELAS");
  });

  it("cancels with /batal and with the Batal button, saving nothing", async () => {
    await seedUnitHeadDistrict(db.prisma);
    const t = buildTestBot(db.prisma);
    await t.send(textUpdate(siti, "/lowongan"));
    await t.send(press(buttonData(t.calls, "Guru Kelas SD")));
    await t.send(textUpdate(siti, "/batal"));
    expect(sentTexts(t.calls).at(-1)).toBe("Percakapan dibatalkan. Tidak ada yang disimpan.");
    await t.send(textUpdate(siti, "2"));
    expect(sentTexts(t.calls).at(-1)).toContain("tidak mengerti");
    await t.send(textUpdate(siti, "/batal"));
    expect(sentTexts(t.calls).at(-1)).toBe("Tidak ada percakapan yang sedang berjalan.");

    await t.send(textUpdate(siti, "/vacancy"));
    await t.send(press(buttonData(t.calls, "Guru Kelas SD")));
    await t.send(textUpdate(siti, "2"));
    await t.send(press(buttonData(t.calls, "Meninggal")));
    await t.send(press(buttonData(t.calls, "Bulan ini")));
    const send = buttonData(t.calls, "Kirim");
    await t.send(press(buttonData(t.calls, "Batal")));
    expect(sentTexts(t.calls).at(-1)).toContain("dibatalkan");
    await t.send(press(send));
    expect(lastAnswer(t.calls)).toBe("Tombol ini dari pertanyaan lama dan sudah tidak berlaku.");
    expect(await db.prisma.vacancy.count()).toBe(0);
    expect(await db.prisma.outboxMessage.count()).toBe(0);
  });

  it("ends the conversation after 30 minutes of silence and says so, doing nothing else", async () => {
    await seedUnitHeadDistrict(db.prisma);
    const clock = fixedClock("2026-11-30T00:00:00Z");
    const t = buildTestBot(db.prisma, { clock });
    await t.send(textUpdate(siti, "/lowongan"));
    await t.send(press(buttonData(t.calls, "Guru Kelas SD")));
    clock.advance(29 * 60_000);
    await t.send(textUpdate(siti, "abc"));
    expect(sentTexts(t.calls).at(-1)).toContain("(2/4)");
    clock.advance(31 * 60_000);
    t.mark();
    await t.send(textUpdate(siti, "2"));
    expect(sentTexts(t.since())).toEqual([
      expect.stringContaining("Percakapan berakhir karena 30 menit tanpa jawaban"),
    ]);
    expect((await session())?.conversation).toBeNull();
    await t.send(textUpdate(siti, "2"));
    expect(sentTexts(t.calls).at(-1)).toContain("tidak mengerti");
    expect(await db.prisma.vacancy.count()).toBe(0);
  });

  it("resumes the same question after a restart (a new bot on the same database)", async () => {
    await seedUnitHeadDistrict(db.prisma);
    const clock = fixedClock("2026-11-30T00:00:00Z");
    const first = buildTestBot(db.prisma, { clock });
    await first.send(textUpdate(siti, "/lowongan"));
    await first.send(press(buttonData(first.calls, "Guru Kelas SD")));
    expect(sentTexts(first.calls).at(-1)).toContain("(2/4)");

    const second = buildTestBot(db.prisma, { clock });
    await second.send(textUpdate(siti, "5"));
    expect(sentTexts(second.calls)).toEqual([expect.stringContaining("(3/4) Apa penyebab")]);
    await second.send(press(buttonData(second.calls, "Mutasi keluar")));
    const third = buildTestBot(db.prisma, { clock });
    await third.send(textUpdate(siti, "01-09-2026"));
    await third.send(press(buttonData(third.calls, "Kirim")));
    expect(await db.prisma.vacancy.findFirstOrThrow()).toMatchObject({ count: 5, reason: "MUTASI_KELUAR" });
  });

  async function reachSummary(t: ReturnType<typeof buildTestBot>) {
    await t.send(textUpdate(siti, "/lowongan"));
    await t.send(press(buttonData(t.calls, "Guru Kelas SD")));
    await t.send(textUpdate(siti, "1"));
    await t.send(press(buttonData(t.calls, "Pensiun")));
    await t.send(press(buttonData(t.calls, "Bulan ini")));
    return buttonData(t.calls, "Kirim");
  }

  it("saves once when Kirim is pressed twice, one after the other or at the same moment", async () => {
    await seedUnitHeadDistrict(db.prisma);
    const t = buildTestBot(db.prisma);
    const send = await reachSummary(t);
    // The second press removes a keyboard already gone: Telegram refuses, the bot ignores it.
    allowRefusals(t.calls, /message is not modified/);
    await t.send(press(send));
    await t.send(press(send));
    expect(lastAnswer(t.calls)).toBe("Laporan lowongan ini sudah terkirim.");
    expect(await db.prisma.vacancy.count()).toBe(1);
    expect(await db.prisma.outboxMessage.count()).toBe(1);

    const again = await reachSummary(t);
    t.mark();
    await Promise.all([t.send(press(again)), t.send(press(again))]);
    expect(await db.prisma.vacancy.count()).toBe(2);
    expect(await db.prisma.outboxMessage.count()).toBe(2);
    const answers = t
      .since()
      .filter((c) => c.method === "answerCallbackQuery")
      .map((c) => c.payload.text);
    expect(answers.sort()).toEqual(["Laporan lowongan ini sudah terkirim.", "Terkirim"]);
  });

  it("treats a button from an earlier conversation as stale and changes nothing", async () => {
    await seedUnitHeadDistrict(db.prisma);
    const t = buildTestBot(db.prisma);
    await t.send(textUpdate(siti, "/lowongan"));
    const old = buttonData(t.calls, "Guru Kelas SD");
    await t.send(textUpdate(siti, "/lowongan"));
    const before = await session();
    await t.send(press(old));
    expect(lastAnswer(t.calls)).toBe("Tombol ini dari pertanyaan lama dan sudah tidak berlaku.");
    expect(await session()).toEqual(before);
    expect((await session())?.conversation?.step).toBe("role");
    // A button of the right conversation but an earlier question is stale too.
    await t.send(press(buttonData(t.calls, "Guru Kelas SD")));
    await t.send(press(old.replace(/:[a-z0-9]{6}:/, `:${(await session())?.conversation?.nonce}:`)));
    expect(lastAnswer(t.calls)).toBe("Tombol ini dari pertanyaan lama dan sudah tidak berlaku.");
    expect((await session())?.conversation?.step).toBe("count");
  });

  it("refuses strangers, approvers and another unit's role without revealing anything", async () => {
    const district = await seedUnitHeadDistrict(db.prisma);
    const t = buildTestBot(db.prisma);
    await t.send(textUpdate(strangerPerson, "/lowongan"));
    await t.send(textUpdate(approverPerson, "/lowongan"));
    await t.send(textUpdate(strangerPerson, "/lapor"));
    const refusal = "Perintah ini hanya untuk kepala unit yang terdaftar, dan hanya untuk unitnya sendiri.";
    expect(sentTexts(t.calls)).toEqual([refusal, refusal, refusal]);

    // The SMP head forges a button for the health agency's role.
    const yohanes = smpHeadPerson;
    await t.send(textUpdate(yohanes, "/lowongan"));
    const forged = buttonData(t.calls, "Guru IPA").replace(/role:\d+$/, `role:${district.nurse.id}`);
    await t.send(callbackUpdate(yohanes, forged, { message_id: 1000 }));
    expect(lastAnswer(t.calls)).toBe("Jabatan ini tidak dapat dilaporkan untuk unit Anda.");
    expect((await session(yohanes))?.conversation?.step).toBe("role");
    // Someone else pressing the head's button has no conversation: stale, nothing revealed.
    await t.send(callbackUpdate(strangerPerson, buttonData(t.calls, "Guru IPA"), { message_id: 1000 }));
    expect(lastAnswer(t.calls)).toBe("Tombol ini dari pertanyaan lama dan sudah tidak berlaku.");
    expect(await db.prisma.vacancy.count()).toBe(0);
  });

  it("speaks English to a head who chose it", async () => {
    await seedUnitHeadDistrict(db.prisma);
    await db.prisma.user.update({ where: { telegramId: BigInt(siti.id) }, data: { locale: "en" } });
    const t = buildTestBot(db.prisma);
    await t.send(textUpdate(siti, "/vacancy"));
    expect(sentTexts(t.calls).at(-1)).toContain("(1/4) Which role is empty?");
    await t.send(press(buttonData(t.calls, "Guru Kelas SD")));
    await t.send(textUpdate(siti, "0"));
    expect(sentTexts(t.calls).slice(-2)).toEqual([
      "At least 1 person.",
      expect.stringContaining("How many <b>Guru Kelas SD</b>"),
    ]);
  });
});
