// The annex (lampiran) of an SK mutasi: one line per person moved, with what such a decree lists.
import { formatDate } from "../domain/time.ts";
import { plainText } from "../use-cases/imports/index.ts";
import type { Locale, TextKey } from "../messages/locales/index.ts";
import type { TransferLine } from "../use-cases/decrees/index.ts";

export const ANNEX_COLUMNS = [
  "export.annex.no",
  "export.annex.nip",
  "export.annex.name",
  "export.annex.golongan",
  "export.annex.role_from",
  "export.annex.unit_from",
  "export.annex.role_to",
  "export.annex.unit_to",
  "export.annex.effective",
  "export.annex.sk_number",
  "export.annex.sk_date",
  "export.annex.state",
  "export.annex.note",
  "export.annex.decision",
  "export.annex.decided_on",
  // Issue 29: a placement in a private school is a redistribution, said in the decree's annex.
  "export.annex.redistribution",
] as const satisfies readonly TextKey[];

export const ANNEX_WIDTHS = [5, 21, 34, 28, 26, 30, 26, 30, 12, 30, 12, 24, 60, 40, 16, 30];
/** 1-based column of the NIP, kept as text so Excel never rounds its 18 digits. */
export const ANNEX_NIP_COLUMN = 2;

// Pangkat of each golongan ruang of a PNS (PP 99/2000); PPPK have a golongan (I–XVII) and no pangkat.
const PANGKAT: Record<string, string> = {
  "I/a": "Juru Muda",
  "I/b": "Juru Muda Tingkat I",
  "I/c": "Juru",
  "I/d": "Juru Tingkat I",
  "II/a": "Pengatur Muda",
  "II/b": "Pengatur Muda Tingkat I",
  "II/c": "Pengatur",
  "II/d": "Pengatur Tingkat I",
  "III/a": "Penata Muda",
  "III/b": "Penata Muda Tingkat I",
  "III/c": "Penata",
  "III/d": "Penata Tingkat I",
  "IV/a": "Pembina",
  "IV/b": "Pembina Tingkat I",
  "IV/c": "Pembina Utama Muda",
  "IV/d": "Pembina Utama Madya",
  "IV/e": "Pembina Utama",
};

/** "Penata Muda Tingkat I, III/b" for a PNS; a PPPK's golongan ("IX") as it is; "" when unknown. */
export function pangkatGolongan(golongan: string | null): string {
  if (!golongan) return "";
  const ruang = /^(I{1,3}|IV)\s*[/-]?\s*([a-e])$/i.exec(golongan.trim());
  if (!ruang) return golongan.trim();
  const key = `${ruang[1]!.toUpperCase()}/${ruang[2]!.toLowerCase()}`;
  const pangkat = PANGKAT[key];
  return pangkat ? `${pangkat}, ${key}` : key;
}

/** "Drs. Anto Gebze, M.Pd.": the name between its gelar, as a decree writes it. */
export function nameWithTitles(line: Pick<TransferLine, "name" | "titleFront" | "titleBack">): string {
  const front = line.titleFront?.trim();
  const back = line.titleBack?.trim();
  return `${front ? `${front} ` : ""}${line.name}${back ? `, ${back}` : ""}`;
}

export function annexRows(
  transfers: TransferLine[],
  locale: Locale,
  timeZone: string,
): Array<Array<string | number>> {
  const rows = transfers.map((line, index) => [
    index + 1,
    line.nip,
    nameWithTitles(line),
    pangkatGolongan(line.golongan),
    line.roleFrom,
    line.unitFromName,
    line.roleTo,
    line.unitToName,
    // @db.Date columns hold the calendar day at UTC midnight.
    line.effectiveDate ? formatDate(line.effectiveDate, "UTC") : "",
    line.skNumber ?? "",
    line.skDate ? formatDate(line.skDate, "UTC") : "",
    plainText(locale, `export.state.${line.status}`),
    locale === "en" ? (line.reasonEn ?? line.reason) : line.reason,
    plainText(locale, "export.annex.approved", { names: line.approvers.join(", ") }),
    line.decidedAt ? formatDate(line.decidedAt, timeZone) : "",
    line.redistribution ? plainText(locale, "export.annex.redistribution_yes") : "",
  ]);
  return [ANNEX_COLUMNS.map((key) => plainText(locale, key)), ...rows];
}
