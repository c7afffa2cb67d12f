import { describe, expect, it } from "vitest";
import { decideProposal } from "../../src/use-cases/proposals/index.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { buildTestBot, fixedClock } from "../support/harness.ts";
import { HR_CHAT, HR_CHAT_ID, people, seedHrDistrict } from "../support/hr-fixtures.ts";
import { readXlsxRows, sentDocuments } from "../support/import-files.ts";
import { sentTexts, textUpdate } from "../support/telegram.ts";
import { approverActor } from "../support/actors.ts";

describe.skipIf(skipPg)("/ekspor: the SK mutasi draft list and the audit log", () => {
  const db = useTestDatabase();

  async function approvedDistrict() {
    const seeded = await seedHrDistrict(db.prisma);
    // Approved at 10:30 WIT on 1 December 2026.
    const now = new Date("2026-12-01T01:30:00Z");
    await db.prisma.$transaction((tx) =>
      decideProposal(tx, {
        proposalId: seeded.proposal.id,
        actor: approverActor(seeded.rina.id),
        now,
        timeZone: "Asia/Jayapura",
        verdict: "APPROVE",
        locale: "id",
      }),
    );
    return seeded;
  }

  it("sends the approved transfers with the decision trail and the audit log to an approver in the HR group", async () => {
    await approvedDistrict();
    const t = buildTestBot(db.prisma, { clock: fixedClock("2026-12-02T00:00:00Z") });
    await t.send(textUpdate(people.rina, "/ekspor", HR_CHAT));

    const [doc] = sentDocuments(t.calls);
    expect(doc?.filename).toBe("mutasi-2026-12-02.xlsx");
    expect(doc?.chatId).toBe(HR_CHAT_ID);
    expect(doc?.caption).toContain("Daftar mutasi yang disetujui (1)");
    const sheets = await readXlsxRows(doc!.content);
    expect(sheets.Mutasi?.[0]).toEqual([
      "No",
      "NIP",
      "Nama",
      "Jabatan lama",
      "Jabatan baru",
      "Unit asal",
      "Unit tujuan",
      "TMT",
      "Diputuskan oleh",
      "Waktu keputusan",
      "Alasan",
      "Jejak keputusan",
      "No. usulan",
      "Status",
      "Nomor SK",
      "Tanggal SK",
    ]);
    const row = sheets.Mutasi?.[1] ?? [];
    expect(row.slice(0, 10)).toEqual([
      "1",
      "198501012010012001",
      "Ani Wulandari",
      "Guru IPA",
      "Guru Kelas SD",
      "SMP Negeri 2 Salor (SMPN-02)",
      "SD Negeri 1 Salor (SDN-01)",
      // Approved by the team, no SK yet: no TMT (issue 15).
      "",
      "Rina Kaize",
      "01-12-2026 10:30 WIT",
    ]);
    expect(row[10]).toContain("SD Negeri 1 Salor kekurangan 24 JP guru kelas");
    expect(row[11]).toBe("Rina Kaize: setuju 01-12-2026 10:30 WIT");
    const auditActions = (sheets.Audit ?? []).slice(1).map((r) => r[2]);
    // The action in words, its code beside them for a search (issue 25).
    expect(auditActions).toEqual([
      "usulan disetujui (proposal.approve)",
      "surat pemberitahuan dikirim (letter.notice)",
    ]);
    expect(row.slice(13)).toEqual(["Disetujui tim, menunggu SK", "", ""]);
  });

  it("gives an approver of another agency only their own (empty) list, and refuses unit heads and other groups", async () => {
    await approvedDistrict();
    const t = buildTestBot(db.prisma, { adminIds: [BigInt(people.admin.id)] });

    await t.send(textUpdate(people.maria, "/export"));
    const [own] = sentDocuments(t.calls);
    expect(own?.caption).toContain("(0)");
    const sheets = await readXlsxRows(own!.content);
    expect(sheets.Mutasi).toHaveLength(1);
    expect(sheets.Audit).toHaveLength(1);

    await t.send(textUpdate(people.maria, "/ekspor", HR_CHAT));
    expect(sentTexts(t.calls).at(-1)).toContain("bukan grup HR instansi Anda");
    await t.send(textUpdate(people.siti, "/ekspor"));
    expect(sentTexts(t.calls).at(-1)).toContain("Ekspor hanya untuk tim mutasi (HR) dan admin");
    expect(sentDocuments(t.calls)).toHaveLength(1);

    // An admin in a private chat gets every agency's list.
    await t.send(textUpdate(people.admin, "/ekspor"));
    expect(sentDocuments(t.calls).at(-1)?.caption).toContain("(1)");
  });
});
