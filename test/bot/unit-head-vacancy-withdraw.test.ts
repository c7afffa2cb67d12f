import { describe, expect, it } from "vitest";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { buildTestBot, fixedClock } from "../support/harness.ts";
import { callbackUpdate, sentTexts, textUpdate } from "../support/telegram.ts";
import {
  buttonData,
  lastAnswer,
  lastButtons,
  sdHeadPerson,
  seedUnitHeadDistrict,
  smpHeadPerson,
  strangerPerson,
} from "../support/unit-head-fixtures.ts";

describe.skipIf(skipPg)(
  "unit head: /daftarlowongan lists open vacancies and withdraws one after a confirmation",
  () => {
    const db = useTestDatabase();

    const siti = sdHeadPerson;
    const now = "2026-11-30T00:00:00Z";
    const press = (data: string, person = siti) => callbackUpdate(person, data, { message_id: 1000 });

    async function seed() {
      const d = await seedUnitHeadDistrict(db.prisma);
      const vacancy = (unitId: number, roleId: number, count: number, since: string, extra = {}) =>
        db.prisma.vacancy.create({
          data: { unitId, roleId, count, reason: "PENSIUN", since: new Date(since), ...extra },
        });
      const guru = await vacancy(d.sd.id, d.guruKelas.id, 2, "2026-09-01");
      const tu = await vacancy(d.sd.id, d.admin.id, 1, "2026-10-15", {
        reason: "LAINNYA",
        reasonText: "Pindah ke <kota> & keluarga",
      });
      const smp = await vacancy(d.smp.id, d.guruIpa.id, 1, "2026-08-01");
      return { ...d, guru, tu, smp };
    }

    it("lists the head's own open vacancies, asks before withdrawing, then withdraws: CANCELLED, noted, audited", async () => {
      const s = await seed();
      const t = buildTestBot(db.prisma, { clock: fixedClock(now) });
      await t.send(textUpdate(siti, "/daftarlowongan"));
      expect(sentTexts(t.calls)).toEqual([
        [
          "<b>Lowongan terbuka di SD Negeri 1 Salor</b> (2)",
          `• Nomor ${s.guru.id}: 2 Guru Kelas SD — Pensiun, sejak 01-09-2026`,
          `• Nomor ${s.tu.id}: 1 Tenaga Administrasi — Lainnya — Pindah ke &lt;kota&gt; &amp; keluarga, sejak 15-10-2026`,
          "",
          "Tekan tombol untuk menarik lowongan yang tidak perlu diisi lagi.",
        ].join("\n"),
      ]);
      expect(lastButtons(t.calls).map((b) => b.text)).toEqual([
        `Tarik nomor ${s.guru.id}: Guru Kelas SD`,
        `Tarik nomor ${s.tu.id}: Tenaga Administrasi`,
      ]);
      const ask = buttonData(t.calls, `Tarik nomor ${s.guru.id}`);

      await t.send(press(ask));
      expect(sentTexts(t.calls).at(-1)).toBe(
        `Tarik lowongan nomor ${s.guru.id} (2 Guru Kelas SD, sejak 01-09-2026)? Lowongan yang ditarik tidak lagi dihitung sebagai kebutuhan unit.`,
      );
      expect(lastButtons(t.calls).map((b) => b.text)).toEqual(["Ya, tarik", "Jangan"]);
      expect((await db.prisma.vacancy.findUniqueOrThrow({ where: { id: s.guru.id } })).status).toBe("OPEN");
      const yes = buttonData(t.calls, "Ya, tarik");

      await t.send(press(yes));
      expect(lastAnswer(t.calls)).toBe("Ditarik");
      expect(sentTexts(t.calls).at(-1)).toBe(`✅ Lowongan nomor ${s.guru.id} (2 Guru Kelas SD) ditarik.`);
      expect(await db.prisma.vacancy.findUniqueOrThrow({ where: { id: s.guru.id } })).toMatchObject({
        status: "CANCELLED",
        closedNote: "ditarik oleh kepala unit",
        closedAt: new Date(now),
        count: 2,
      });
      const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "vacancy.withdraw" } });
      expect(audit).toMatchObject({ entityId: String(s.guru.id), actorName: "Siti" });

      // A second press, and the old list's button, are told it is withdrawn; nothing changes.
      t.mark();
      await t.send(press(yes));
      expect(lastAnswer(t.calls)).toBe(`Lowongan nomor ${s.guru.id} sudah ditarik. Tidak ada yang diubah.`);
      await t.send(press(ask));
      expect(lastAnswer(t.calls)).toBe(`Lowongan nomor ${s.guru.id} sudah ditarik. Tidak ada yang diubah.`);
      expect(sentTexts(t.since())).toEqual([]);
      expect(await db.prisma.auditLog.count({ where: { action: "vacancy.withdraw" } })).toBe(1);

      // The list now shows only what is still open.
      await t.send(textUpdate(siti, "/daftarlowongan"));
      expect(sentTexts(t.calls).at(-1)).toContain("(1)");
      expect(sentTexts(t.calls).at(-1)).not.toContain(`Nomor ${s.guru.id}:`);
    });

    it("'Jangan' keeps the vacancy; a filled one or an unknown number is answered and nothing changes", async () => {
      const s = await seed();
      const t = buildTestBot(db.prisma, { clock: fixedClock(now) });
      await t.send(textUpdate(siti, "/daftarlowongan"));
      await t.send(press(buttonData(t.calls, `Tarik nomor ${s.tu.id}`)));
      await t.send(press(buttonData(t.calls, "Jangan")));
      expect(sentTexts(t.calls).at(-1)).toBe(`Lowongan nomor ${s.tu.id} tetap terbuka.`);
      expect((await db.prisma.vacancy.findUniqueOrThrow({ where: { id: s.tu.id } })).status).toBe("OPEN");

      await db.prisma.vacancy.update({ where: { id: s.tu.id }, data: { status: "FILLED", count: 0 } });
      await t.send(press(`vw:y:${s.tu.id}`));
      expect(lastAnswer(t.calls)).toBe(`Lowongan nomor ${s.tu.id} sudah terisi. Tidak ada yang diubah.`);
      expect((await db.prisma.vacancy.findUniqueOrThrow({ where: { id: s.tu.id } })).status).toBe("FILLED");
      await t.send(press("vw:y:9999"));
      expect(lastAnswer(t.calls)).toBe("Lowongan nomor 9999 tidak ditemukan.");
      expect(await db.prisma.auditLog.count()).toBe(0);
    });

    it("refuses another unit's head and strangers without changing anything", async () => {
      const s = await seed();
      const t = buildTestBot(db.prisma, { clock: fixedClock(now) });
      await t.send(press(`vw:y:${s.guru.id}`, smpHeadPerson));
      expect(lastAnswer(t.calls)).toBe("Lowongan ini bukan lowongan unit Anda.");
      await t.send(press(`vw:a:${s.guru.id}`, smpHeadPerson));
      expect(lastAnswer(t.calls)).toBe("Lowongan ini bukan lowongan unit Anda.");
      await t.send(press(`vw:y:${s.guru.id}`, strangerPerson));
      expect(lastAnswer(t.calls)).toBe(
        "Perintah ini hanya untuk kepala unit yang terdaftar, dan hanya untuk unitnya sendiri.",
      );
      await t.send(textUpdate(strangerPerson, "/daftarlowongan"));
      expect(sentTexts(t.calls)).toEqual([
        "Perintah ini hanya untuk kepala unit yang terdaftar, dan hanya untuk unitnya sendiri.",
      ]);
      // Yohanes sees his own SMP vacancy only.
      await t.send(textUpdate(smpHeadPerson, "/daftarlowongan"));
      expect(sentTexts(t.calls).at(-1)).toContain(`Nomor ${s.smp.id}: 1 Guru IPA`);
      expect(sentTexts(t.calls).at(-1)).not.toContain(`Nomor ${s.guru.id}:`);
      expect(await db.prisma.vacancy.count({ where: { status: "OPEN" } })).toBe(3);
      expect(await db.prisma.auditLog.count()).toBe(0);
    });

    it("two presses of 'Ya, tarik' at once withdraw it once", async () => {
      const s = await seed();
      const t = buildTestBot(db.prisma, { clock: fixedClock(now) });
      t.mark();
      await Promise.all([t.send(press(`vw:y:${s.guru.id}`)), t.send(press(`vw:y:${s.guru.id}`))]);
      const answers = t
        .since()
        .filter((c) => c.method === "answerCallbackQuery")
        .map((c) => c.payload.text);
      expect(answers.sort()).toEqual([
        "Ditarik",
        `Lowongan nomor ${s.guru.id} sudah ditarik. Tidak ada yang diubah.`,
      ]);
      expect(await db.prisma.auditLog.count({ where: { action: "vacancy.withdraw" } })).toBe(1);
    });

    it("says when nothing is open, and speaks English with /vacancies", async () => {
      await seedUnitHeadDistrict(db.prisma);
      const t = buildTestBot(db.prisma, { clock: fixedClock(now) });
      await t.send(textUpdate(siti, "/daftarlowongan"));
      expect(sentTexts(t.calls)).toEqual([
        "Tidak ada lowongan terbuka di SD Negeri 1 Salor. Laporkan lowongan dengan /lowongan.",
      ]);
      await db.prisma.user.update({ where: { telegramId: BigInt(siti.id) }, data: { locale: "en" } });
      await t.send(textUpdate(siti, "/vacancies"));
      expect(sentTexts(t.calls).at(-1)).toBe(
        "No open vacancies at SD Negeri 1 Salor. Report one with /vacancy.",
      );
    });
  },
);
