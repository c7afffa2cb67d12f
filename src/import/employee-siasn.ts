// The columns only SIASN's "data utama" export carries, as BKN writes them.
import type { AsnKind } from "../domain/nip.ts";
import { parseJenjang, type Jenjang } from "../domain/retirement-age.ts";
import type { EmployeeField } from "./columns.ts";
import { fail, optionalText, parseDateField } from "./cells.ts";
import { cellText, type Cell } from "./raw-table.ts";

export type EmployeeStatusCode = "AKTIF" | "CUTI" | "TUGAS_BELAJAR" | "PENSIUN" | "NONAKTIF";

export interface SiasnFields {
  pnsId?: string;
  titleFront?: string;
  titleBack?: string;
  /** KEDUDUKAN_HUKUM_NAMA as written, and what it means for capacity. */
  legalStatus?: string;
  status?: EmployeeStatusCode;
  golongan?: string;
  tmtGolongan?: Date;
  jabatanName?: string;
  jabatanKind?: string;
  jenjang?: Jenjang;
  educationLevel?: string;
  education?: string;
  /** JABATAN_NAMA without its jenjang ("Guru Ahli Muda" → "Guru"): what the role is looked up by. */
  siasnRole?: string;
}

/**
 * KEDUDUKAN_HUKUM_NAMA (BKN's reference list) → status. CLTN is cuti di luar tanggungan negara; an
 * uang tunggu, a temporary dismissal, military service or a state office all leave the post empty.
 */
const LEGAL_STATUS: Array<[RegExp, EmployeeStatusCode]> = [
  [/^aktif$/, "AKTIF"],
  [/\bcltn\b|\bcuti\b/, "CUTI"],
  [/\btugas belajar\b/, "TUGAS_BELAJAR"],
  [/\bpensiun\b|\bmpp\b/, "PENSIUN"],
  [
    /\bmeninggal|\bdiberhentikan\b|\bberhenti\b|\bpemberhentian\b|\bnon ?aktif\b|\buang tunggu\b|\bwajib militer\b|\bpejabat negara\b|\bbanding\b/,
    "NONAKTIF",
  ],
];

/** The values SIASN writes that the import knows, for the reject message. */
export const KNOWN_LEGAL_STATUSES =
  "Aktif, CLTN, Cuti, Tugas Belajar, Masa Persiapan Pensiun, Pensiun, Meninggal, Diberhentikan, Pemberhentian Sementara, Penerima Uang Tunggu, Non Aktif";

export function parseLegalStatus(text: string): EmployeeStatusCode {
  const words = text
    .toLowerCase()
    .replace(/[^a-z]+/g, " ")
    .trim();
  const hit = LEGAL_STATUS.find(([pattern]) => pattern.test(words));
  return hit ? hit[1] : fail("status_unknown", { value: text, allowed: KNOWN_LEGAL_STATUSES });
}

const PNS_GOLONGAN = /^(IV|III|II|I)\/?([A-E])$/;
const PPPK_GOLONGAN = /^(I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI|XVII)$/;

/** "III/b" for a PNS (I/a … IV/e; only IV has an e), a Roman I … XVII for a PPPK (Perpres 98/2020). */
export function parseGolongan(text: string, kind: AsnKind): string {
  const compact = text
    .replace(/^gol(ongan)?\.?\s*/i, "")
    .replace(/\s+/g, "")
    .toUpperCase();
  if (kind === "PNS") {
    const match = PNS_GOLONGAN.exec(compact);
    if (match && (match[2] !== "E" || match[1] === "IV")) return `${match[1]}/${match[2]!.toLowerCase()}`;
    return fail("golongan_invalid", { value: text, allowed: "I/a … IV/e" });
  }
  if (PPPK_GOLONGAN.test(compact)) return compact;
  return fail("golongan_invalid", { value: text, allowed: "I … XVII" });
}

const JENJANG_WORDS = /\b(ahli\s+(pertama|muda|madya|utama)|pemula|terampil|mahir|penyelia)\b/gi;

/** "Guru Ahli Muda" → "Guru", "Pranata Komputer Terampil" → "Pranata Komputer". */
export function roleNameWithoutJenjang(jabatan: string): string {
  return jabatan.replace(JENJANG_WORDS, " ").replace(/\s+/g, " ").trim() || jabatan.trim();
}

export function parseSiasnFields(
  get: (field: EmployeeField) => Cell,
  asnKind: AsnKind,
  today: Date,
): SiasnFields {
  const fields: SiasnFields = {};
  const text = (field: EmployeeField) => optionalText(get(field));
  const set = <K extends keyof SiasnFields>(key: K, value: SiasnFields[K] | undefined) => {
    if (value !== undefined) fields[key] = value;
  };
  set("pnsId", text("pnsId"));
  set("titleFront", text("titleFront"));
  set("titleBack", text("titleBack"));
  const legal = text("legalStatus");
  if (legal) {
    fields.legalStatus = legal;
    fields.status = parseLegalStatus(legal);
  }
  // The number says PNS or PPPK; JENIS_PEGAWAI_NAMA must agree, or one of the two is wrong.
  const kindText = cellText(get("asnKind")).toLowerCase();
  const says: AsnKind | null = /pppk/.test(kindText) ? "PPPK" : /\bpns\b|cpns/.test(kindText) ? "PNS" : null;
  if (says && says !== asnKind) fail("asn_kind_mismatch", { value: cellText(get("asnKind")), kind: asnKind });
  const golongan = text("golongan");
  if (golongan) fields.golongan = parseGolongan(golongan, asnKind);
  set("tmtGolongan", parseDateField(get("tmtGolongan"), "golongan", today));
  set("jabatanKind", text("jabatanKind"));
  const jabatan = text("roleName");
  if (jabatan) {
    fields.jabatanName = jabatan;
    set("jenjang", parseJenjang(jabatan) ?? undefined);
    fields.siasnRole = roleNameWithoutJenjang(jabatan);
  }
  set("educationLevel", text("educationLevel"));
  set("education", text("education"));
  return fields;
}
