import { describe, expect, it } from "vitest";
import {
  renderTransferNoticePdf,
  transferNoticeSections,
  type TransferNoticeData,
} from "../../src/documents/transfer-notice-pdf.ts";
import { decreeLetterSections } from "../../src/documents/decree-letter-pdf.ts";
import { pdfText, squash } from "../support/pdf-text.ts";

const notice: TransferNoticeData = {
  proposalId: 42,
  agencyName: "Dinas Pendidikan Merauke",
  approvedAt: new Date("2026-12-01T00:30:00Z"),
  timeZone: "Asia/Jayapura",
  person: {
    name: "Dra. Maria Gebze-Ndiken, S.Pd.",
    nip: "198501012010012001",
    asnKind: "PNS",
    golongan: "III/b",
  },
  from: { name: "SMP Negeri 2 Salor", kecamatan: "Semangga" },
  to: { name: "SD Negeri 1 Salor", kecamatan: "Tanah Miring" },
  fromRole: "Guru IPA",
  toRole: "Guru Kelas SD",
  reason: "Mengisi kekurangan guru kelas di SD Negeri 1 Salor: 6 rombel, 3 guru.",
  hoursFilled: 24,
  hoursUnit: "JP",
  fromLoad: { before: 0.5, after: 0.625 },
  toLoad: { before: null, after: 1.5 },
  joined: true,
};

describe("the sosialisasi letter (PDF)", () => {
  it("reads back, in Bahasa Indonesia, what is proposed, why, what happens next and how to respond", async () => {
    const pdf = await renderTransferNoticePdf(notice);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = await pdfText(pdf);
    expect(text).toContain("DINAS PENDIDIKAN MERAUKE");
    expect(text).toContain("SURAT PEMBERITAHUAN USULAN MUTASI");
    expect(text).toContain("Nomor usulan 42 · 1 Desember 2026");
    expect(text).toContain(
      "Saudara/i Dra. Maria Gebze-Ndiken, S.Pd., NIP 198501012010012001, pangkat/golongan III/b, saat ini Guru IPA di SMP Negeri 2 Salor (Kecamatan Semangga), diusulkan untuk dimutasi ke SD Negeri 1 Salor (Kecamatan Tanah Miring) sebagai Guru Kelas SD.",
    );
    expect(text).toContain("Mengisi kekurangan guru kelas di SD Negeri 1 Salor: 6 rombel, 3 guru.");
    expect(text).toContain(
      "kepindahan ini mengisi 24 JP per minggu yang belum terpenuhi; beban Guru Kelas SD di sana berubah dari belum ada yang mengerjakan menjadi 150%.",
    );
    expect(text).toContain("beban Guru IPA berubah dari 50% menjadi 63%.");
    expect(text).toContain("Pejabat Pembina Kepegawaian (PPK), bukan keputusan mutasi");
    expect(text).toContain("tanggal mulai berlakunya (TMT) tercantum dalam SK");
    expect(text).toContain("Tekan tombol «Tanggapi» di bawah surat ini");
    // Every paragraph the letter is built from is on the page, word for word.
    for (const section of transferNoticeSections(notice)) {
      expect(text).toContain(section.heading);
      for (const paragraph of section.paragraphs) expect(text).toContain(squash(paragraph));
    }
  });

  it("tells a person who has not joined to answer through their head, and names an NI PPPK as such", async () => {
    const text = await pdfText(
      await renderTransferNoticePdf({
        ...notice,
        joined: false,
        person: { name: "Yohana Kaize", nip: "199103122022212007", asnKind: "PPPK", golongan: null },
      }),
    );
    expect(text).toContain("Saudara/i Yohana Kaize, NI PPPK 199103122022212007, saat ini Guru IPA");
    expect(text).toContain("Surat ini diserahkan oleh kepala unit Anda.");
    expect(text).not.toContain("«Tanggapi»");
  });

  it("tells a certified teacher under 24 JP what the move does for her: a full load, the allowance's condition", async () => {
    const text = squash(
      await pdfText(
        await renderTransferNoticePdf({
          ...notice,
          fullLoad: { taughtNow: 12, atDestination: 24, standard: 24 },
        }),
      ),
    );
    expect(text).toContain("Untuk Anda");
    expect(text).toContain(
      squash(
        "Anda guru bersertifikat pendidik dan saat ini mengajar 12 JP per minggu di SMP Negeri 2 Salor, di bawah 24 JP. Di SD Negeri 1 Salor Anda akan mengajar 24 JP per minggu: beban penuh yang menjadi syarat tunjangan profesi (PP 74/2008 Pasal 52).",
      ),
    );
    // Without the data, nothing is claimed.
    expect(transferNoticeSections(notice).map((s) => s.heading)).not.toContain("Untuk Anda");
  });
});

describe("the letters of a redistribution to a private school (issue 29)", () => {
  it("the notice and the SK letter say redistribution, that the teacher stays ASN, and why the Tim decided", async () => {
    const privateSchool = {
      ...notice,
      to: { name: "SD YPK Salor", kecamatan: "Salor" },
      redistribution: true,
    };
    const text = squash(await pdfText(await renderTransferNoticePdf(privateSchool)));
    expect(text).toContain("SURAT PEMBERITAHUAN USULAN REDISTRIBUSI GURU ASN");
    expect(text).toContain("diusulkan untuk diredistribusikan ke SD YPK Salor");
    expect(text).toContain("Anda tetap Aparatur Sipil Negara pemerintah daerah");

    const decree = decreeLetterSections({
      proposalId: 42,
      agencyName: "Dinas Pendidikan Merauke",
      sentAt: new Date("2026-12-10T00:30:00Z"),
      timeZone: "Asia/Jayapura",
      person: notice.person,
      from: notice.from,
      to: privateSchool.to,
      fromRole: "Guru IPA",
      toRole: "Guru Kelas SD",
      skNumber: "800.1.6.2/50/BKPSDM/2026",
      skDate: new Date("2026-12-09"),
      tmt: new Date("2027-01-04"),
      objectionDeadline: new Date("2027-01-11"),
      joined: true,
      redistribution: true,
    });
    expect(decree[0]?.paragraphs[0]).toContain(
      "atas rekomendasi Tim Pertimbangan Redistribusi Guru ASN, menetapkan redistribusi Saudara/i",
    );
    expect(decree[0]?.paragraphs[0]).toContain("Anda tetap Aparatur Sipil Negara pemerintah daerah");
  });
});
