// The columns only Dapodik's PTK list carries, and how its Jenis PTK + Mata Pelajaran finds a role.
import type { EmployeeField } from "./columns.ts";
import { optionalText } from "./cells.ts";
import { cellText, type Cell } from "./raw-table.ts";

export interface DapodikFields {
  nuptk?: string;
  /** Mata pelajaran taught. */
  subject?: string;
  certified?: boolean;
  certifiedSubject?: string;
  /** Jenis PTK ("Guru Kelas", "Guru Mapel", "Kepala Sekolah"). */
  ptkKind?: string;
  /** Status Kepegawaian as written ("PNS", "PPPK", "Guru Honor Sekolah", "GTY/PTY"). */
  employment?: string;
}

const NOT_CERTIFIED = new Set(["", "-", "belum", "tidak", "tidak ada", "no", "0"]);
const CERTIFIED = new Set(["ya", "sudah", "y", "yes", "1", "sudah sertifikasi", "bersertifikat"]);

/** Sertifikasi: empty, "-", "Belum", "Tidak" → no; "Ya", "Sudah" → yes; any other text is the certified subject. */
export function parseCertification(
  cell: Cell,
): { certified: boolean; certifiedSubject?: string } | undefined {
  const text = cellText(cell).replace(/\s+/g, " ");
  if (text === "") return undefined;
  const lower = text.toLowerCase();
  if (NOT_CERTIFIED.has(lower)) return { certified: false };
  if (CERTIFIED.has(lower)) return { certified: true };
  return { certified: true, certifiedSubject: text };
}

export function parseDapodikFields(get: (field: EmployeeField) => Cell): DapodikFields {
  const fields: DapodikFields = {};
  const nuptk = cellText(get("nuptk")).replace(/[\s'.-]/g, "");
  if (nuptk !== "") fields.nuptk = nuptk;
  const subject = optionalText(get("subject"));
  if (subject && subject !== "-") fields.subject = subject;
  const certification = parseCertification(get("certification"));
  if (certification) Object.assign(fields, certification);
  const ptkKind = optionalText(get("ptkKind"));
  if (ptkKind) fields.ptkKind = ptkKind;
  const employment = optionalText(get("employment"));
  if (employment) fields.employment = employment;
  return fields;
}

/**
 * Guru honorer, GTY/PTY (guru tetap yayasan), GTT/PTT (guru tidak tetap): no NIP, not ASN; they are
 * the school's immovable teaching capacity (issue 13).
 */
export function isHonorerEmployment(employment: string | undefined): boolean {
  return /\bhonor|\bgty\b|\bgtt\b|\bpty\b|\bptt\b|tidak tetap|tetap yayasan/i.test(employment ?? "");
}

/** Lower-case words, no punctuation: "Guru Kelas SD/MI/SLB" → "guru kelas sd mi slb". */
export function labelWords(text: string): string {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join(" ");
}

/**
 * Texts a Dapodik row may be known by, most specific first. Dapodik writes Jenis PTK "Guru Mapel"
 * with Mata Pelajaran "Ilmu Pengetahuan Alam (IPA)", and "Guru Kelas" with "Guru Kelas SD/MI/SLB";
 * admins write labels like "Guru Mapel IPA" and "Guru Kelas SD".
 */
export function dapodikCandidates(jenis: string, mapel: string | undefined): string[] {
  const j = labelWords(jenis);
  const m = labelWords(mapel ?? "");
  const out: string[] = [];
  const add = (text: string) => {
    const words = labelWords(text);
    if (words && !out.includes(words)) out.push(words);
  };
  if (m) {
    // The subject repeats the jenis ("Guru Kelas" + "Guru Kelas SD/MI/SLB"): the subject says it all.
    if (m === j || m.startsWith(`${j} `)) add(m);
    add(`${j} ${m}`);
    const abbreviations = [...(mapel ?? "").matchAll(/\(([^)]+)\)/g)].map((p) => p[1]!);
    for (const abbreviation of abbreviations) add(`${j} ${abbreviation}`);
    const plain = (mapel ?? "").replace(/\([^)]*\)/g, " ");
    add(`${j} ${plain}`);
  }
  add(j);
  return out;
}

/**
 * The role of a Dapodik row: the label with the most words that is one of its candidate texts or a
 * word-prefix of one ("Guru Kelas SD" for "Guru Kelas SD/MI/SLB", "Guru Mapel IPA" for "Guru Mapel" +
 * "Ilmu Pengetahuan Alam (IPA)"), so a specific label beats a broad "Guru Kelas"; on a tie the more
 * specific candidate wins. `labels` maps labelWords(label) → role code.
 */
export function matchDapodikLabel(
  labels: ReadonlyMap<string, string>,
  jenis: string,
  mapel: string | undefined,
): string | null {
  let best: { length: number; code: string } | null = null;
  for (const candidate of dapodikCandidates(jenis, mapel)) {
    const words = candidate.split(" ");
    for (let n = words.length; n >= 1 && n > (best?.length ?? 0); n--) {
      const code = labels.get(words.slice(0, n).join(" "));
      if (code) best = { length: n, code };
    }
  }
  return best?.code ?? null;
}
