/**
 * The second letter (issue 15): the PPK's decree (SK mutasi) as recorded, its TMT, and the person's
 * right to object (keberatan) within 21 working days of it (UU 30/2014 Pasal 77 ayat 1), until the
 * deadline computed when the SK was recorded. In Bahasa Indonesia, like the notice.
 */
import { letterDate, place, renderLetterPdf, type LetterSection, type LetterUnit } from "./letter-pdf.ts";

export interface DecreeLetterData {
  proposalId: number;
  agencyName: string;
  /** When the letter is written (the SK was recorded); the letter's date. */
  sentAt: Date;
  timeZone: string;
  person: { name: string; nip: string; asnKind: "PNS" | "PPPK"; golongan?: string | null };
  from: LetterUnit;
  to: LetterUnit;
  fromRole: string;
  toRole: string;
  skNumber: string;
  /** Calendar dates (midnight UTC, as the database's date columns are read). */
  skDate: Date;
  tmt: Date;
  /** The last day of the 21 working days for a keberatan. */
  objectionDeadline: Date;
  /** Holidays on weekdays before the deadline that the 21 days skip (yyyy-mm-dd, name when national). */
  skippedHolidays?: Array<{ day: string; name: string | null }>;
  /** Whether the person has joined the bot (else the origin head hands the letter over). */
  joined: boolean;
  /** Into a private school: the SK redistributes the teacher (Permendikdasmen 1/2025). */
  redistribution?: boolean;
}

const day = (date: Date) => letterDate(date, "UTC");

/** " Hari libur yang tidak dihitung: 25 Desember 2026 (Hari Raya Natal), 31 Desember 2026 (cuti bersama)." */
function skipped(holidays: ReadonlyArray<{ day: string; name: string | null }>): string {
  if (holidays.length === 0) return "";
  const list = holidays.map(
    (h) => `${day(new Date(`${h.day}T00:00:00Z`))} (${h.name ?? "cuti bersama/libur daerah"})`,
  );
  return ` Hari libur yang tidak dihitung: ${list.join(", ")}.`;
}

/** The letter's paragraphs, heading by heading: what the PDF prints, and what a test reads back. */
export function decreeLetterSections(data: DecreeLetterData): LetterSection[] {
  const number = data.person.asnKind === "PPPK" ? "NI PPPK" : "NIP";
  const grade = data.person.golongan ? `, pangkat/golongan ${data.person.golongan}` : "";
  const how = data.joined
    ? `Tekan tombol «Ajukan keberatan» di bawah surat ini di Telegram dan tuliskan keberatan Anda beserta alasannya. Keberatan Anda sampai kepada tim mutasi ${data.agencyName}, yang memeriksa dan memutuskannya; Anda diberi tahu hasilnya. Bila keberatan diterima, mutasi ini dibatalkan.`
    : `Surat ini diserahkan oleh kepala unit Anda. Sampaikan keberatan tertulis beserta alasannya kepada tim mutasi ${data.agencyName} melalui kepala unit, atau mintalah undangan Seimbang kepada kepala unit agar Anda dapat mengajukannya langsung melalui Telegram.`;
  return [
    {
      heading: "Keputusan",
      paragraphs: [
        data.redistribution
          ? `Dengan Surat Keputusan (SK) Nomor ${data.skNumber} tanggal ${day(data.skDate)}, Pejabat Pembina Kepegawaian, atas rekomendasi Tim Pertimbangan Redistribusi Guru ASN, menetapkan redistribusi Saudara/i ${data.person.name}, ${number} ${data.person.nip}${grade}, dari ${data.fromRole} di ${place(data.from)} ke ${place(data.to)}, satuan pendidikan yang diselenggarakan oleh masyarakat, sebagai ${data.toRole} (Permendikdasmen Nomor 1 Tahun 2025). Anda tetap Aparatur Sipil Negara pemerintah daerah (${data.agencyName}), ditugaskan di sekolah tersebut.`
          : `Dengan Surat Keputusan (SK) Nomor ${data.skNumber} tanggal ${day(data.skDate)}, Pejabat Pembina Kepegawaian menetapkan mutasi Saudara/i ${data.person.name}, ${number} ${data.person.nip}${grade}, dari ${data.fromRole} di ${place(data.from)} ke ${place(data.to)} sebagai ${data.toRole}.`,
      ],
    },
    {
      heading: "Mulai berlaku",
      paragraphs: [
        `Mutasi ini berlaku terhitung mulai tanggal (TMT) ${day(data.tmt)}. Sampai tanggal itu Anda tetap bertugas di ${data.from.name}; sejak TMT Anda bertugas di ${data.to.name}.`,
      ],
    },
    {
      heading: "Hak mengajukan keberatan",
      paragraphs: [
        `Bila Anda berkeberatan atas keputusan ini, Anda berhak mengajukan keberatan dalam waktu 21 hari kerja sejak keputusan diumumkan (Undang-Undang Nomor 30 Tahun 2014 tentang Administrasi Pemerintahan, Pasal 77), yaitu paling lambat tanggal ${day(data.objectionDeadline)}.${skipped(data.skippedHolidays ?? [])}`,
        how,
      ],
    },
  ];
}

export function renderDecreeLetterPdf(data: DecreeLetterData): Promise<Buffer> {
  return renderLetterPdf({
    agencyName: data.agencyName,
    documentTitle: `Pemberitahuan SK mutasi ${data.person.name}`,
    title: data.redistribution
      ? "SURAT PEMBERITAHUAN KEPUTUSAN REDISTRIBUSI GURU ASN"
      : "SURAT PEMBERITAHUAN KEPUTUSAN MUTASI",
    subtitle: `SK Nomor ${data.skNumber} · usulan ${data.proposalId} · ${letterDate(data.sentAt, data.timeZone)}`,
    createdAt: data.sentAt,
    addressee: { name: data.person.name, at: data.from.name },
    sections: decreeLetterSections(data),
    footnote: `Surat ini dibuat oleh Seimbang atas nama tim mutasi ${data.agencyName} untuk menyampaikan SK; yang berlaku adalah Surat Keputusan yang ditandatangani Pejabat Pembina Kepegawaian.`,
  });
}
