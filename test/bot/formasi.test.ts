import { describe, expect, it } from "vitest";
import { PlanMemo } from "../../src/engine/plan-memo.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { readWorkbook } from "../support/formasi.ts";
import { buildTestBot, fixedClock } from "../support/harness.ts";
import { HR_CHAT, HR_CHAT_ID, people, seedHrDistrict } from "../support/hr-fixtures.ts";
import { sentDocuments } from "../support/import-files.ts";
import { callbackUpdate, sentTexts, textUpdate } from "../support/telegram.ts";
import { buttonData } from "../support/unit-head-fixtures.ts";

describe.skipIf(skipPg)("/formasi and /simulasi for the HR team (issue 28)", () => {
  const db = useTestDatabase();
  const clock = () => fixedClock("2026-12-07T00:30:00Z");

  it("/formasi in the HR group sends the agency's sheet; a head and another agency's approver are refused", async () => {
    const s = await seedHrDistrict(db.prisma);
    // Budi, a class teacher at SD Negeri 1 Salor, born 20 May 1968: 60 (his BUP) in 2028.
    await db.prisma.employee.update({
      where: { id: s.budi.id },
      data: { birthDate: new Date("1968-05-20") },
    });
    const t = buildTestBot(db.prisma, { clock: clock() });
    await t.send(textUpdate(people.rina, "/formasi", HR_CHAT));
    const [doc] = sentDocuments(t.calls);
    expect(doc).toMatchObject({ filename: "formasi-2026-12-07.xlsx", chatId: HR_CHAT_ID });
    expect(doc?.caption).toMatch(/^📋 Lembar formasi 2027–2031\n/);
    expect(doc?.caption).toContain("1 orang mencapai BUP s.d. 2031");
    const sheets = await readWorkbook(doc!.content);
    expect(new Set(sheets.Formasi?.map((r) => r["Kode Unit"]))).toEqual(new Set(["SDN-01", "SMPN-02"]));
    expect(sheets.Pensiun).toEqual([
      expect.objectContaining({
        NIP: "197803152005011002",
        Nama: "Budi Santoso",
        BUP: 60,
        Tahun: 2028,
        "Jam per Minggu": 24,
        "Satuan Jam": "JP",
      }),
    ]);
    const sd = sheets.Formasi?.find((r) => r["Kode Unit"] === "SDN-01");
    expect(sd?.["Pensiun 2028"]).toBe(1);

    const before = t.calls.length;
    await t.send(textUpdate(people.siti, "/formasi"));
    await t.send(textUpdate(people.maria, "/formasi", HR_CHAT));
    expect(sentDocuments(t.calls.slice(before))).toHaveLength(0);
    expect(sentTexts(t.calls, before)).toEqual([
      "Ekspor hanya untuk tim mutasi (HR) dan admin.",
      expect.stringContaining("Grup ini bukan grup HR instansi Anda."),
    ]);
  });

  it("/cek after /formasi on the same district uses the sheet's plan instead of planning it again (issue 30)", async () => {
    const s = await seedHrDistrict(db.prisma);
    const plans = new PlanMemo();
    const t = buildTestBot(db.prisma, { clock: clock(), plans });
    await t.send(textUpdate(people.rina, "/formasi", HR_CHAT));
    expect(sentDocuments(t.calls)).toHaveLength(1);
    expect(plans.counts()).toEqual({ made: 1, remembered: 0 });
    await t.send(textUpdate(people.rina, "/cek", HR_CHAT));
    expect(plans.counts()).toEqual({ made: 1, remembered: 1 });
    expect(await db.prisma.balancingRun.count()).toBe(1);
    // The check replaced the seeded proposal with its own: the district changed, and the next sheet is
    // planned again.
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).toMatchObject({
      status: "SUPERSEDED",
    });
    await t.send(textUpdate(people.rina, "/formasi", HR_CHAT));
    expect(sentDocuments(t.calls)).toHaveLength(2);
    expect(plans.counts()).toEqual({ made: 2, remembered: 1 });
  });

  it("/simulasi asks a few changes, says a wrong answer plainly, and answers before → after in one message", async () => {
    await seedHrDistrict(db.prisma);
    const t = buildTestBot(db.prisma, { clock: clock() });
    await t.send(textUpdate(people.rina, "/simulasi"));
    expect(sentTexts(t.calls).at(-1)).toMatch(/^🧪 <b>Simulasi<\/b>: ubah data lalu tekan Hitung\./);
    await t.send(callbackUpdate(people.rina, buttonData(t.calls, "Rombel sekolah")));
    expect(sentTexts(t.calls).at(-1)).toContain("Ketik kode unit dan jumlah rombel barunya");
    const before = t.calls.length;
    await t.send(textUpdate(people.rina, "SDN-01 banyak"));
    expect(sentTexts(t.calls, before)).toEqual([
      "Tidak terbaca: «SDN-01 banyak». Tulis kode unit lalu jumlah rombel (0–500), mis. <code>SDN-01 12</code>.",
      expect.stringContaining("Ketik kode unit dan jumlah rombel barunya"),
    ]);
    await t.send(textUpdate(people.rina, "sdn-01 2"));
    expect(sentTexts(t.calls).at(-1)).toContain("Perubahan sejauh ini: SDN-01: 2 rombel");
    await t.send(callbackUpdate(people.rina, buttonData(t.calls, "Batas dan jarak")));
    await t.send(textUpdate(people.rina, "- - 60"));
    expect(sentTexts(t.calls).at(-1)).toContain(
      "SDN-01: 2 rombel; paling banyak keluar per unit tanpa batas; paling banyak masuk per unit tanpa batas; jarak terjauh 60 km",
    );
    const run = t.calls.length;
    await t.send(callbackUpdate(people.rina, buttonData(t.calls, "Hitung")));
    const [running, answer] = sentTexts(t.calls, run);
    expect(running).toBe("⏳ Menghitung rencana sekarang dan dengan perubahan…");
    expect(answer).toMatch(/^🧪 <b>Simulasi<\/b> \(tidak ada yang disimpan\)\nPerubahan: SDN-01: 2 rombel; /);
    expect(answer).toMatch(/Kekurangan setelah rencana: [\d.,]+ JP → [\d.,]+ JP/);
    expect(answer).toContain("• SD Negeri 1 Salor — Guru Kelas SD: kebutuhan");
    expect(answer).toContain("Ketik /simulasi untuk mencoba perubahan lain.");
    // The conversation is over: a later text is not taken as an answer, and nothing was written.
    const after = t.calls.length;
    await t.send(textUpdate(people.rina, "SDN-01 3"));
    expect(sentTexts(t.calls, after)).toEqual([expect.stringContaining("Maaf, saya tidak mengerti.")]);
    expect(await db.prisma.proposal.count()).toBe(1);

    // A head may not simulate; in the HR group the team is sent to a private chat.
    const refused = t.calls.length;
    await t.send(textUpdate(people.siti, "/simulasi"));
    await t.send(textUpdate(people.rina, "/simulasi", HR_CHAT));
    expect(sentTexts(t.calls, refused)).toEqual([
      "Perintah ini hanya untuk tim mutasi instansi ini.",
      expect.stringContaining("Simulasi dibuka di chat pribadi"),
    ]);
  });
});
