// SIASN's "data utama" export as BKN writes it: upper snake case headers, one row per ASN.
import { csvFile } from "./import-files.ts";

export const siasnHeader = [
  "PNS_ID",
  "NIP_BARU",
  "NAMA",
  "GELAR_DEPAN",
  "GELAR_BELAKANG",
  "TGL_LAHIR",
  "JENIS_KELAMIN",
  "KEDUDUKAN_HUKUM_NAMA",
  "STATUS_CPNS_PNS",
  "JENIS_PEGAWAI_NAMA",
  "GOL_AKHIR_NAMA",
  "TMT_GOLONGAN",
  "JENIS_JABATAN_NAMA",
  "JABATAN_NAMA",
  "TMT_JABATAN",
  "TINGKAT_PENDIDIKAN_NAMA",
  "PENDIDIKAN_NAMA",
  "UNOR_ID",
  "UNOR_NAMA",
  "INSTANSI_KERJA_NAMA",
  // SIASN has many more; the import ignores what it does not know.
  "LOKASI_KERJA",
];

export interface SiasnPerson {
  nip: string;
  nama: string;
  unorId: string;
  jabatan: string;
  pnsId?: string;
  gelarDepan?: string;
  gelarBelakang?: string;
  tglLahir?: string;
  jenisKelamin?: string;
  kedudukan?: string;
  statusCpnsPns?: string;
  jenisPegawai?: string;
  golongan?: string;
  tmtGolongan?: string;
  jenisJabatan?: string;
  tmtJabatan?: string;
  tingkatPendidikan?: string;
  pendidikan?: string;
  unorNama?: string;
}

let pnsIdSequence = 0;
/** SIASN's PNS_ID is a UUID of BKN's own. */
export function pnsIdOf(n = ++pnsIdSequence): string {
  return `a1b2c3d4-${String(n).padStart(4, "0")}-4e5f-8a9b-${String(n).padStart(12, "0")}`;
}

/** An NI PPPK: birth date, appointment year, `21`, sex, sequence. */
export function makeNiPppk(birth: string, year: number, sex: 1 | 2, sequence: number): string {
  return `${birth.replaceAll("-", "")}${year}21${sex}${String(sequence).padStart(3, "0")}`;
}

export function siasnRow(p: SiasnPerson): Array<string | null> {
  const pppk = p.nip.slice(12, 14) === "21";
  return [
    p.pnsId ?? pnsIdOf(),
    p.nip,
    p.nama,
    p.gelarDepan ?? "",
    p.gelarBelakang ?? "S.Pd.",
    // SIASN writes dates with a time part.
    `${p.tglLahir ?? `${p.nip.slice(0, 4)}-${p.nip.slice(4, 6)}-${p.nip.slice(6, 8)}`} 00:00:00`,
    p.jenisKelamin ?? (p.nip[14] === "1" ? "M" : "F"),
    p.kedudukan ?? "Aktif",
    p.statusCpnsPns ?? (pppk ? "" : "P"),
    p.jenisPegawai ?? (pppk ? "PPPK" : "PNS Daerah"),
    p.golongan ?? (pppk ? "IX" : "III/b"),
    p.tmtGolongan ?? "2021-04-01",
    p.jenisJabatan ?? "Jabatan Fungsional",
    p.jabatan,
    p.tmtJabatan ?? "2019-07-01",
    p.tingkatPendidikan ?? "S-1/Sarjana",
    p.pendidikan ?? "S-1 Pendidikan Guru Sekolah Dasar",
    p.unorId,
    p.unorNama ?? "",
    "Pemerintah Kab. Merauke",
    "Kab. Merauke",
  ];
}

export function siasnCsv(people: SiasnPerson[]): Buffer {
  return csvFile([siasnHeader, ...people.map(siasnRow)]);
}
