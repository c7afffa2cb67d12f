import { describe, expect, it } from "vitest";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { buildTestBot } from "../support/harness.ts";
import { createPendingProposal, HR_CHAT, people, seedHrDistrict } from "../support/hr-fixtures.ts";
import { csvFile, documentUpdate, employeeHeader, sentDocuments } from "../support/import-files.ts";
import {
  addStaff,
  answers,
  edits,
  expectFits,
  onScreen,
  pageThrough,
  press,
  pressData,
} from "../support/paging.ts";
import { textUpdate } from "../support/telegram.ts";
import { sdHeadPerson, seedUnitHeadDistrict, strangerPerson } from "../support/unit-head-fixtures.ts";

describe.skipIf(skipPg)("long lists are paged under Telegram's 4,096 characters", () => {
  const db = useTestDatabase();

  it("/pegawai for 60 staff: pages with ◀ ▶ edited in place, every name once, objection buttons on every page", async () => {
    const district = await seedUnitHeadDistrict(db.prisma);
    const added = await addStaff(db.prisma, district.sd.id, district.guruKelas.id, 58);
    const names = ["Budi Santoso", "Citra Dewi", ...added];
    const t = buildTestBot(db.prisma);

    await t.send(textUpdate(sdHeadPerson, "/pegawai"));
    const first = onScreen(t.calls);
    expect(first.html).toMatch(/^<b>Pegawai SD Negeri 1 Salor<\/b> — 60 orang \(halaman 1\/(\d)\)/);
    const pageCount = Number(/halaman 1\/(\d)/.exec(first.html)![1]);
    expect(pageCount).toBeGreaterThan(1);

    const pages = await pageThrough(t, sdHeadPerson);
    expect(pages).toHaveLength(pageCount);
    expect(new Set(pages.map((p) => p.messageId))).toEqual(new Set([first.messageId]));
    expect(edits(t.calls)).toHaveLength(pageCount - 1);
    pages.forEach((page, i) => {
      expectFits(page.html);
      expect(page.html).toContain(`(halaman ${i + 1}/${pageCount})`);
      // Entities count once: "&amp;" is one character on screen.
      expect(page.html).toContain("Gebze &amp; Kaize");
      const labels = page.buttons.flat().map((b) => b.text);
      expect(labels.filter((l) => l === "◀")).toHaveLength(i > 0 ? 1 : 0);
      expect(labels.filter((l) => l === "▶")).toHaveLength(i < pageCount - 1 ? 1 : 0);
      expect(labels).toContain(`Halaman ${i + 1}/${pageCount}`);
      // Each person on the page has their objection button, and nobody else does.
      const onPage = names.filter((n) => page.html.includes(n.replace("&", "&amp;")));
      expect(labels.filter((l) => l.startsWith("⛔ Catat keberatan: "))).toEqual(
        onPage.map((n) => `⛔ Catat keberatan: ${n}`),
      );
    });
    for (const name of names) {
      expect(pages.filter((p) => p.html.includes(`<b>${name.replace("&", "&amp;")}</b>`))).toHaveLength(1);
    }

    // ◀ goes back on the same message.
    t.mark();
    await t.send(press(sdHeadPerson, onScreen(t.calls), "◀"));
    const back = onScreen(t.calls);
    expect(back.messageId).toBe(first.messageId);
    expect(back.html).toContain(`(halaman ${pageCount - 1}/${pageCount})`);
    expect(edits(t.since())).toHaveLength(1);

    // The page already on screen, unchanged: answered, not edited ("message is not modified").
    t.mark();
    await t.send(press(sdHeadPerson, back, `Halaman ${pageCount - 1}/${pageCount}`));
    expect(edits(t.since())).toHaveLength(0);
    expect(answers(t.since())).toEqual([`Ini sudah halaman ${pageCount - 1}, dan isinya belum berubah.`]);

    // An objection button on a later page still opens the objection question.
    const person = names.find((n) => back.html.includes(`<b>${n.replace("&", "&amp;")}</b>`))!;
    await t.send(press(sdHeadPerson, back, `⛔ Catat keberatan: ${person}`));
    expect(String(t.calls.at(-1)!.payload.text)).toContain(
      `alasan keberatan <b>${person.replace("&", "&amp;")}</b>`,
    );

    // The list shrinks: a press on a page that no longer exists is answered and edits nothing.
    const last = pages.at(-1)!;
    await db.prisma.employee.deleteMany({ where: { name: { in: added.slice(10) } } });
    t.mark();
    await t.send(pressData(sdHeadPerson, last, `pg:s:${pageCount}`));
    expect(edits(t.since())).toHaveLength(0);
    expect(answers(t.since())).toEqual([
      `Halaman ${pageCount} sudah tidak ada: daftarnya sekarang 1 halaman. Kirim perintahnya lagi untuk daftar terbaru.`,
    ]);

    // Someone who is not a head of this unit pressing a page button learns nothing and changes nothing.
    t.mark();
    await t.send(pressData(strangerPerson, { ...first, chatId: strangerPerson.id }, "pg:s:1"));
    expect(edits(t.since())).toHaveLength(0);
    expect(answers(t.since())).toEqual([
      "Perintah ini hanya untuk kepala unit yang terdaftar, dan hanya untuk unitnya sendiri.",
    ]);
  });

  it("/usulan with 40 pending proposals in the HR group: pages, links, and only approvers may turn them", async () => {
    const district = await seedHrDistrict(db.prisma);
    const staff = await addStaff(db.prisma, district.smp.id, district.guruIpa.id, 39);
    const employees = await db.prisma.employee.findMany({
      where: { name: { in: staff } },
      orderBy: { id: "asc" },
    });
    for (const [i, e] of employees.entries()) {
      await createPendingProposal(db.prisma, {
        employeeId: e.id,
        fromUnitId: district.smp.id,
        toUnitId: district.sd.id,
        roleId: district.guruKelas.id,
        agencyId: district.agency.id,
        now: district.now,
        cardMessageId: 600 + i,
      });
    }
    const t = buildTestBot(db.prisma);
    await t.send(textUpdate(people.rina, "/usulan", HR_CHAT));
    const first = onScreen(t.calls);
    expect(first.chatId).toBe(HR_CHAT.id);
    expect(first.html).toMatch(
      /^<b>Usulan menunggu keputusan — Dinas Pendidikan Merauke<\/b> \(40, halaman 1\/\d\)/,
    );

    const pages = await pageThrough(t, people.rina);
    expect(pages.length).toBeGreaterThan(1);
    expect(new Set(pages.map((p) => p.messageId))).toEqual(new Set([first.messageId]));
    pages.forEach((p) => expectFits(p.html));
    const ids = await db.prisma.proposal.findMany({ select: { id: true } });
    expect(ids).toHaveLength(40);
    for (const { id } of ids) {
      expect(pages.filter((p) => p.html.includes(`>#${id}</a>`))).toHaveLength(1);
    }

    // A unit head in the group may not turn the pages: answered, nothing edited.
    t.mark();
    await t.send(press(people.siti, first, "▶"));
    expect(edits(t.since())).toHaveLength(0);
    expect(answers(t.since())).toEqual(["Hanya tim mutasi instansi ini yang dapat memutuskan usulan ini."]);

    // ◀ from the last page edits the same message back one page.
    t.mark();
    await t.send(press(people.rina, pages.at(-1)!, "◀"));
    expect(edits(t.since()).map((c) => c.payload.message_id)).toEqual([first.messageId]);
    expect(onScreen(t.calls).html).toContain(`halaman ${pages.length - 1}/${pages.length}`);
  });

  it("the admin's decision trail (/status) pages long histories; non-admins cannot page it", async () => {
    const district = await seedHrDistrict(db.prisma);
    const staff = await addStaff(db.prisma, district.smp.id, district.guruIpa.id, 30);
    const employees = await db.prisma.employee.findMany({
      where: { name: { in: staff } },
      orderBy: { id: "asc" },
    });
    const reason =
      "Sekolah asal masih kekurangan guru IPA untuk kelas VIII dan IX; mutasi ditunda sampai ada pengganti <segera>.";
    for (const [i, e] of employees.entries()) {
      const proposal = await createPendingProposal(db.prisma, {
        employeeId: e.id,
        fromUnitId: district.smp.id,
        toUnitId: district.sd.id,
        roleId: district.guruKelas.id,
        agencyId: district.agency.id,
        now: district.now,
      });
      await db.prisma.proposal.update({ where: { id: proposal.id }, data: { status: "REJECTED" } });
      await db.prisma.decision.create({
        data: {
          proposalId: proposal.id,
          userId: district.rina.id,
          verdict: "REJECT",
          reason,
          createdAt: new Date(district.now.getTime() + i * 60_000),
        },
      });
    }
    const t = buildTestBot(db.prisma, { adminIds: [BigInt(people.admin.id)] });
    await t.send(textUpdate(people.admin, "/status"));
    const first = onScreen(t.calls);
    expect(first.html).toMatch(
      /^<b>Jejak keputusan mutasi<\/b> — 30 keputusan, terbaru dulu \(halaman 1\/\d\)/,
    );
    const pages = await pageThrough(t, people.admin);
    expect(pages.length).toBeGreaterThan(1);
    expect(new Set(pages.map((p) => p.messageId))).toEqual(new Set([first.messageId]));
    pages.forEach((p) => expectFits(p.html));
    expect(
      pages.map((p) => p.html.split("❌ ditolak oleh Rina Kaize").length - 1).reduce((a, b) => a + b),
    ).toBe(30);
    expect(first.html).toContain("mutasi ditunda sampai ada pengganti &lt;segera&gt;.");
    // Newest first.
    const lastId = Math.max(...(await db.prisma.decision.findMany()).map((d) => d.proposalId));
    expect(first.html.indexOf(`usulan #${lastId} `)).toBeGreaterThan(0);
    expect(first.html.indexOf(`usulan #${lastId} `)).toBeLessThan(
      first.html.indexOf("usulan #", first.html.indexOf(`usulan #${lastId} `) + 1),
    );

    t.mark();
    await t.send(pressData(people.rina, { ...first, chatId: people.rina.id }, "pg:a:2"));
    expect(edits(t.since())).toHaveLength(0);
    expect(answers(t.since())).toEqual(["Jejak keputusan hanya dapat dilihat admin."]);
  });

  it("a head's /status with hundreds of open vacancies lists what fits and counts the rest", async () => {
    const district = await seedUnitHeadDistrict(db.prisma);
    await db.prisma.vacancy.createMany({
      data: Array.from({ length: 300 }, (_, i) => ({
        unitId: district.sd.id,
        roleId: district.guruKelas.id,
        count: 1 + (i % 3),
        reason: "PENSIUN" as const,
        since: new Date(Date.UTC(2026, 0, 1 + (i % 28))),
      })),
    });
    const t = buildTestBot(db.prisma);
    await t.send(textUpdate(sdHeadPerson, "/status"));
    const text = String(t.calls.at(-1)!.payload.text);
    expectFits(text);
    expect(text).toContain("<b>Status SD Negeri 1 Salor</b>");
    const shown = text.split("\n").filter((l) => l.startsWith("• ") && l.includes("Pensiun, sejak")).length;
    expect(shown).toBeGreaterThan(10);
    expect(text).toContain(`… dan ${300 - shown} lagi`);
    expect(text).toContain("<b>Usulan mutasi</b>");
  });

  it("an import with hundreds of bad rows: the summary lists what fits under 4,096, the CSV has them all", async () => {
    await seedHrDistrict(db.prisma);
    const rows = Array.from({ length: 400 }, (_, i) => [
      `19900101201501${String(i).padStart(4, "0")}`.slice(0, 17) + "x",
      `Pegawai <Salah> ${i}`,
      "SDN-01",
      "GURU_KELAS",
      24,
      "1990-01-01",
      "2019-07-01",
    ]);
    const t = buildTestBot(db.prisma, { adminIds: [BigInt(people.admin.id)] });
    t.deps.fetchFile = async () => csvFile([employeeHeader, ...rows]);
    await t.send(
      documentUpdate(people.admin, { file_id: "bad", file_name: "pegawai-salah.csv", file_size: 40_000 }),
    );
    const summary = String(t.calls.find((c) => c.method === "sendMessage")!.payload.text);
    expectFits(summary);
    expect(summary).toContain("Baris ditolak: 400");
    expect(summary).toContain("<b>Baris yang ditolak</b>\n• baris 2 (");
    const shown = summary.split("\n").filter((l) => l.startsWith("• baris ")).length;
    expect(shown).toBeGreaterThan(5);
    expect(shown).toBeLessThan(400);
    expect(summary).toContain(`… dan ${400 - shown} baris lagi; semuanya ada di file CSV berikut.`);
    const [rejects] = sentDocuments(t.calls);
    expect(rejects?.filename).toBe("pegawai-salah-ditolak.csv");
    expect(rejects!.content.toString("utf8").trim().split(/\r?\n/)).toHaveLength(401);
    expect(await db.prisma.employee.count({ where: { name: { startsWith: "Pegawai <Salah>" } } })).toBe(0);
  });
});
