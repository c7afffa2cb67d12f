// Redistribution of ASN teachers into private schools (Permendikdasmen 1/2025; docs/redistribution.md).
// Pure: who may be placed in a school run by the community, from the data the district has.
import { parseJenjang } from "./retirement-age.ts";

/** The SKP predicates of PermenPAN-RB 6/2022, best first. */
export const SKP_PREDICATES = ["SANGAT_BAIK", "BAIK", "BUTUH_PERBAIKAN", "KURANG", "SANGAT_KURANG"] as const;
export type SkpPredicate = (typeof SKP_PREDICATES)[number];

/** "Sangat Baik", "sangat baik", "BAIK", "Butuh Perbaikan"… as SIASN and sheets write them, or null. */
export function parseSkpPredicate(text: string): SkpPredicate | null {
  const key = text
    .trim()
    .toUpperCase()
    .replace(/[^A-Z]+/g, "_")
    .replace(/^_|_$/g, "");
  return (SKP_PREDICATES as readonly string[]).includes(key) ? (key as SkpPredicate) : null;
}

/** Why a teacher may not be placed in a private school; each names what was checked. */
export type RedistributionBar =
  | { criterion: "education"; missing: true }
  | { criterion: "education"; level: string }
  | { criterion: "rank"; missing: "golongan" | "jenjang" }
  | { criterion: "rank"; golongan: string }
  | { criterion: "rank"; jenjang: string }
  | { criterion: "performance"; missingYear: number }
  | { criterion: "performance"; year: number; predicate: SkpPredicate }
  | { criterion: "discipline"; until: Date };

export interface RedistributionPerson {
  asnKind: "PNS" | "PPPK";
  /** SIASN's TINGKAT_PENDIDIKAN ("S-1/Sarjana", "D-IV", "S-2"…). */
  educationLevel: string | null;
  /** "III/b" for a PNS. */
  golongan: string | null;
  /** AHLI_PERTAMA… as stored, or SIASN's jabatan name. */
  jenjang: string | null;
  jabatanName: string | null;
  skp: ReadonlyArray<{ year: number; predicate: string }>;
  disciplineUntil: Date | null;
}

const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };

/** "III/b" → [3, "b"], or null. */
function parseGolongan(text: string): [number, string] | null {
  const match = /^\s*(IV|III|II|I)\s*\/\s*([a-e])\s*$/i.exec(text);
  return match ? [ROMAN[match[1]!.toUpperCase()] ?? 0, match[2]!.toLowerCase()] : null;
}

/** S-1, D-IV, S-2, S-3 (a bachelor's or more); null when the text says nothing known. */
function atLeastBachelor(level: string): boolean | null {
  const text = level.toUpperCase().replace(/\s+/g, "");
  if (/S-?[123]|D-?IV|D-?4|DIPLOMA(IV|4)|SARJANA|MAGISTER|DOKTOR|PROFESI/.test(text)) return true;
  if (/D-?(I{1,3}|[123])\b|D-?III|D-?II|D-?I|SMA|SLTA|SMK|SMP|SLTP|SD|DIPLOMA/.test(text)) return false;
  return null;
}

/**
 * The criteria of Permendikdasmen 1/2025 that the district's data can show (Pasal 4): a bachelor's
 * (S-1/D-IV); a PNS at least Penata Muda Tingkat I (III/b), a PPPK at least Guru Ahli Pertama; SKP
 * "Baik" or better in each of the two years before `now`'s; no disciplinary penalty or proceedings
 * recorded as lasting to today. Missing data bars a teacher and says what is missing: never
 * silently eligible. Health and the accreditation of the study programme are for the Tim
 * Pertimbangan to check on paper.
 */
export function redistributionBars(person: RedistributionPerson, now: Date): RedistributionBar[] {
  const bars: RedistributionBar[] = [];
  const bachelor = person.educationLevel ? atLeastBachelor(person.educationLevel) : null;
  if (bachelor === null) bars.push({ criterion: "education", missing: true });
  else if (!bachelor) bars.push({ criterion: "education", level: person.educationLevel ?? "" });

  if (person.asnKind === "PNS") {
    const golongan = person.golongan ? parseGolongan(person.golongan) : null;
    if (!golongan) bars.push({ criterion: "rank", missing: "golongan" });
    else if (golongan[0] < 3 || (golongan[0] === 3 && golongan[1] < "b"))
      bars.push({ criterion: "rank", golongan: person.golongan ?? "" });
  } else {
    const jenjang = parseJenjang(person.jenjang ?? "") ?? parseJenjang(person.jabatanName ?? "");
    if (!jenjang) bars.push({ criterion: "rank", missing: "jenjang" });
    else if (!jenjang.startsWith("AHLI_")) bars.push({ criterion: "rank", jenjang });
  }

  const thisYear = now.getUTCFullYear();
  for (const year of [thisYear - 2, thisYear - 1]) {
    const record = person.skp.find((s) => s.year === year);
    const predicate = record ? parseSkpPredicate(record.predicate) : null;
    if (!predicate) bars.push({ criterion: "performance", missingYear: year });
    else if (predicate !== "SANGAT_BAIK" && predicate !== "BAIK")
      bars.push({ criterion: "performance", year, predicate });
  }

  const today = Date.UTC(thisYear, now.getUTCMonth(), now.getUTCDate());
  if (person.disciplineUntil && person.disciplineUntil.getTime() >= today)
    bars.push({ criterion: "discipline", until: person.disciplineUntil });
  return bars;
}

/** Whether the unit is a school run by the community, as Dapodik's `Status Sekolah` says. */
export const isPrivateSchool = (unit: { schoolStatus: string | null }) =>
  (unit.schoolStatus ?? "").trim().toLowerCase() === "swasta";

export type PrivateSchoolPolicy = "OFF" | "ON_REQUEST" | "ON";
