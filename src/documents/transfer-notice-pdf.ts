/**
 * The sosialisasi letter (issue 15): what a proposed transfer is, why, what happens next and how
 * to respond, as a PDF in Bahasa Indonesia — the language of official correspondence, whatever
 * language the person's chat is in. Input is plain typed data; output is the file's bytes.
 * DejaVu Sans carries every letter of Indonesian names and gelar; the text stays extractable.
 */
import { letterDate, place, renderLetterPdf, type LetterUnit } from "./letter-pdf.ts";

export type NoticeUnit = LetterUnit;

export interface TransferNoticeData {
  proposalId: number;
  agencyName: string;
  /** When the team approved (its advice to the PPK); also the letter's date. */
  approvedAt: Date;
  timeZone: string;
  person: { name: string; nip: string; asnKind: "PNS" | "PPPK"; golongan?: string | null };
  from: NoticeUnit;
  to: NoticeUnit;
  /** The person's role now, and the one the move fills. */
  fromRole: string;
  toRole: string;
  /** The engine's own reason, as stored with the proposal. */
  reason: string;
  /** Hours a week this move fills at the destination, and each unit's load in the role before and after (null: nobody). */
  hoursFilled: number;
  hoursUnit: "JP" | "jam";
  fromLoad: { before: number | null; after: number | null };
  toLoad: { before: number | null; after: number | null };
  /** A certified teacher under 24 JP who gets a full load at the destination (issue 25). */
  fullLoad?: { taughtNow: number; atDestination: number; standard: number } | null;
  /** Whether the person has joined the bot (else the origin head hands the letter over). */
  joined: boolean;
  /** Into a private school: a redistribution (Permendikdasmen 1/2025), worded as one. */
  redistribution?: boolean;
}

const percent = (ratio: number | null) =>
  ratio === null
    ? "belum ada yang mengerjakan"
    : `${new Intl.NumberFormat("id-ID").format(Math.round(ratio * 100))}%`;

/** The letter's paragraphs, heading by heading: what the PDF prints, and what a test reads back. */
export function transferNoticeSections(
  data: TransferNoticeData,
): Array<{ heading: string; paragraphs: string[] }> {
  const number = data.person.asnKind === "PPPK" ? "NI PPPK" : "NIP";
  const grade = data.person.golongan ? `, pangkat/golongan ${data.person.golongan}` : "";
  const respond = data.joined
    ? "Tekan tombol «Tanggapi» di bawah surat ini di Telegram untuk menyampaikan tanggapan Anda, dengan kata-kata Anda sendiri, langsung kepada tim mutasi sebelum SK ditetapkan; tim memutuskan apakah usulan dibatalkan, dan Anda diberi tahu hasilnya. Melalui /saya Anda juga dapat menyatakan bahwa Anda bersedia dipindah, atau tidak bersedia beserta alasannya (ikut suami/istri, merawat orang tua, kesehatan, anak sekolah, atau lainnya), dan tujuan yang Anda pilih."
    : "Surat ini diserahkan oleh kepala unit Anda. Mintalah undangan Seimbang kepada kepala unit agar Anda dapat menanggapi langsung melalui Telegram (/saya), atau sampaikan tanggapan tertulis kepada kepala unit: bersedia dipindah, atau tidak bersedia beserta alasannya.";
  return [
    {
      heading: "Yang diusulkan",
      paragraphs: [
        data.redistribution
          ? `Saudara/i ${data.person.name}, ${number} ${data.person.nip}${grade}, saat ini ${data.fromRole} di ${place(data.from)}, diusulkan untuk diredistribusikan ke ${place(data.to)}, satuan pendidikan yang diselenggarakan oleh masyarakat, sebagai ${data.toRole}.`
          : `Saudara/i ${data.person.name}, ${number} ${data.person.nip}${grade}, saat ini ${data.fromRole} di ${place(data.from)}, diusulkan untuk dimutasi ke ${place(data.to)} sebagai ${data.toRole}.`,
      ],
    },
    ...(data.redistribution
      ? [
          {
            heading: "Redistribusi guru ASN",
            paragraphs: [
              `Redistribusi ini dilakukan menurut Peraturan Menteri Pendidikan Dasar dan Menengah Nomor 1 Tahun 2025 tentang Redistribusi Guru Aparatur Sipil Negara pada Satuan Pendidikan yang Diselenggarakan oleh Masyarakat. Anda tetap Aparatur Sipil Negara pemerintah daerah (${data.agencyName}) dan ditugaskan mengajar di ${data.to.name}.`,
              "Redistribusi ditetapkan oleh Pejabat Pembina Kepegawaian setelah rekomendasi Tim Pertimbangan Redistribusi Guru ASN (unsur dinas pendidikan dan BKPSDM). Data Anda yang tercatat memenuhi syarat: pendidikan S-1/D-IV, pangkat atau jenjang jabatan, predikat kinerja paling rendah «Baik» dua tahun terakhir, dan tidak sedang menjalani hukuman disiplin. Tim akan meminta surat keterangan sehat jasmani, rohani dan bebas narkotika dari rumah sakit pemerintah.",
            ],
          },
        ]
      : []),
    {
      heading: "Alasannya",
      paragraphs: [
        data.reason,
        `Di ${data.to.name}, kepindahan ini mengisi ${new Intl.NumberFormat("id-ID").format(data.hoursFilled)} ${data.hoursUnit} per minggu yang belum terpenuhi; beban ${data.toRole} di sana berubah dari ${percent(data.toLoad.before)} menjadi ${percent(data.toLoad.after)}.`,
        `Di ${data.from.name}, beban ${data.fromRole} berubah dari ${percent(data.fromLoad.before)} menjadi ${percent(data.fromLoad.after)}.`,
      ],
    },
    ...(data.fullLoad
      ? [
          {
            heading: "Untuk Anda",
            paragraphs: [
              `Anda guru bersertifikat pendidik dan saat ini mengajar ${data.fullLoad.taughtNow} JP per minggu di ${data.from.name}, di bawah ${data.fullLoad.standard} JP. Di ${data.to.name} Anda akan mengajar ${data.fullLoad.atDestination} JP per minggu: beban penuh yang menjadi syarat tunjangan profesi (PP 74/2008 Pasal 52).`,
            ],
          },
        ]
      : []),
    {
      heading: "Langkah selanjutnya",
      paragraphs: [
        `Persetujuan tim mutasi ${data.agencyName} adalah pertimbangan tim penilai kepada Pejabat Pembina Kepegawaian (PPK), bukan keputusan mutasi (PP 11/2017 Pasal 190–191).`,
        "Mutasi baru berlaku setelah PPK menetapkan Surat Keputusan (SK); tanggal mulai berlakunya (TMT) tercantum dalam SK itu. Sampai saat itu Anda tetap bertugas di unit kerja Anda sekarang.",
      ],
    },
    { heading: "Cara menanggapi", paragraphs: [respond] },
  ];
}

/** The letter as PDF bytes (A4, one or two pages). */
export function renderTransferNoticePdf(data: TransferNoticeData): Promise<Buffer> {
  return renderLetterPdf({
    agencyName: data.agencyName,
    documentTitle: `Pemberitahuan usulan mutasi ${data.person.name}`,
    title: data.redistribution
      ? "SURAT PEMBERITAHUAN USULAN REDISTRIBUSI GURU ASN"
      : "SURAT PEMBERITAHUAN USULAN MUTASI",
    subtitle: `Nomor usulan ${data.proposalId} · ${letterDate(data.approvedAt, data.timeZone)}`,
    createdAt: data.approvedAt,
    addressee: { name: data.person.name, at: data.from.name },
    sections: transferNoticeSections(data),
    footnote: `Surat ini dibuat oleh Seimbang atas nama tim mutasi ${data.agencyName} untuk sosialisasi; surat ini bukan Surat Keputusan.`,
  });
}
