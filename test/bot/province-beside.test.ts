import { describe, expect, it } from "vitest";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { buildTestBot, fixedClock } from "../support/harness.ts";
import { HR_CHAT, HR_CHAT_ID, people, seedHrDistrict } from "../support/hr-fixtures.ts";
import { sentDocuments } from "../support/import-files.ts";
import { growToProvince } from "../support/province.ts";
import { callbackUpdate, sentTexts, textUpdate } from "../support/telegram.ts";
import { buttonData } from "../support/unit-head-fixtures.ts";

describe.skipIf(skipPg)("a province's check and formasi beside the update loop (issue 30)", () => {
  const db = useTestDatabase();

  it("answers /cek at once, handles the next update, and posts the summary when the check ends", async () => {
    const s = await seedHrDistrict(db.prisma);
    await growToProvince(db.prisma, s.smp.id, s.guruIpa.id);
    const t = buildTestBot(db.prisma, { clock: fixedClock("2026-12-07T00:30:00Z") });
    const cek = textUpdate(people.rina, "/cek", HR_CHAT);

    await t.send(cek);
    // The update has ended; the check has not: telegraf's polling would fetch the next updates now.
    expect(sentTexts(t.calls)).toEqual([
      "⏳ Pemeriksaan dimulai untuk 10.002 pegawai. Pada skala provinsi ini memakan waktu sekitar 1–2 menit; hasilnya saya kirim ke sini. Sementara itu bot tetap melayani yang lain.",
    ]);
    expect(await db.prisma.balancingRun.count()).toBe(0);
    expect(await db.prisma.processedUpdate.count({ where: { updateId: BigInt(cek.update_id) } })).toBe(1);
    // Sent again while it runs (a slow connection): told so, nothing more starts.
    t.mark();
    await t.send(textUpdate(people.rina, "/cek", HR_CHAT));
    expect(sentTexts(t.since())).toEqual([
      "⏳ Permintaan yang sama masih dikerjakan; hasilnya saya kirim ke sini begitu selesai.",
    ]);
    // A head's question in private is answered while the check goes on.
    await t.send(textUpdate(people.siti, "/bantuan"));
    expect(
      t.calls.filter((c) => c.method === "sendMessage" && c.payload.chat_id === people.siti.id),
    ).toHaveLength(1);

    await t.settled();
    // The pending proposal from Ani's SMP to the SD covers the SD's shortage: it is kept.
    expect(sentTexts(t.calls).at(-1)).toBe(
      "Pemeriksaan #1 selesai: tidak ada kekurangan yang belum tertangani; usulan yang sedang berjalan sudah diperhitungkan.",
    );
    expect(await db.prisma.balancingRun.count()).toBe(1);

    // Telegram delivers the same /cek again (a restart of polling): nothing starts twice.
    const before = t.calls.length;
    await t.send(cek);
    await t.settled();
    expect(t.calls.slice(before)).toEqual([]);
    expect(await db.prisma.balancingRun.count()).toBe(1);
  });

  it("answers /formasi at once and sends the sheet when it is built; a district's comes within the update", async () => {
    const s = await seedHrDistrict(db.prisma);
    const t = buildTestBot(db.prisma, { clock: fixedClock("2026-12-07T00:30:00Z") });
    await t.send(textUpdate(people.rina, "/formasi", HR_CHAT));
    expect(sentTexts(t.calls)).toEqual([]);
    expect(sentDocuments(t.calls)).toHaveLength(1);

    await growToProvince(db.prisma, s.smp.id, s.guruIpa.id);
    t.mark();
    await t.send(textUpdate(people.rina, "/formasi", HR_CHAT));
    expect(sentTexts(t.since())).toEqual([
      "⏳ Lembar formasi sedang disusun untuk 10.002 pegawai (sekitar 1–2 menit pada skala provinsi); berkasnya saya kirim ke sini.",
    ]);
    expect(sentDocuments(t.since())).toHaveLength(0);
    await t.settled();
    const [doc] = sentDocuments(t.since());
    expect(doc).toMatchObject({ filename: "formasi-2026-12-07.xlsx", chatId: HR_CHAT_ID });
    expect(doc?.caption).toMatch(/^📋 Lembar formasi 2027–2031\n/);
  });

  it("answers Hitung of /simulasi at once and sends before → after when both plans are made", async () => {
    const s = await seedHrDistrict(db.prisma);
    await growToProvince(db.prisma, s.smp.id, s.guruIpa.id);
    const t = buildTestBot(db.prisma, { clock: fixedClock("2026-12-07T00:30:00Z") });
    await t.send(textUpdate(people.rina, "/simulasi"));
    t.mark();
    await t.send(callbackUpdate(people.rina, buttonData(t.calls, "Hitung")));
    expect(sentTexts(t.since())).toEqual([
      "⏳ Menghitung rencana sekarang dan dengan perubahan untuk 10.002 pegawai (sekitar 1 menit pada skala provinsi); hasilnya saya kirim ke sini.",
    ]);
    await t.settled();
    const [, answer] = sentTexts(t.since());
    expect(answer).toMatch(/^🧪 <b>Simulasi<\/b> \(tidak ada yang disimpan\)\n/);
    expect(answer).toContain("Ketik /simulasi untuk mencoba perubahan lain.");
  });
});
