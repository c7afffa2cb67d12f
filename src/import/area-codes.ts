// Kecamatan and desa of a units file by Kemendagri's area codes (npm idn-area-data: Kabupaten
// Merauke 93.01, Distrik Kurik 93.01.11, Kampung Salor Indah 93.01.11.2009). Names are not unique
// nationally (five kecamatan are called Wonosari), so the file's regency is the one most rows
// match, and each row is resolved inside it. A name not found is kept as written, without a code,
// and counted as a warning: the unit is still imported.
import type { ImportWarning } from "./parse-rows.ts";
import type { UnitInput } from "./unit-row.ts";

export interface AreaData {
  districts: Array<{ code: string; regencyCode: string; name: string }>;
  villages: Array<{ code: string; districtCode: string; name: string }>;
}

/** Reads the dataset's CSVs (about 90,000 rows, a fifth of a second): once per import, only when a row names an area. */
export async function loadIdnAreaData(): Promise<AreaData> {
  const { getDistricts, getVillages } = await import("idn-area-data");
  const [districts, villages] = await Promise.all([
    getDistricts({ transform: true }),
    getVillages({ transform: true }),
  ]);
  return { districts, villages };
}

type District = AreaData["districts"][number];
type Village = AreaData["villages"][number];

const KECAMATAN_PREFIXES = ["kecamatan", "kec", "distrik", "dist"];
const DESA_PREFIXES = ["desa", "kelurahan", "kel", "kampung", "kamp", "kp", "ds"];

function normalizeName(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** The name as written, then without a leading "Kec." / "Distrik" / "Desa" / "Kampung": some official names keep the word ("Kampung Baru"). */
function nameForms(text: string, prefixes: string[]): string[] {
  const full = normalizeName(text);
  const [first, ...rest] = full.split(" ");
  return first && rest.length > 0 && prefixes.includes(first) ? [full, rest.join(" ")] : [full];
}

/** "93.01.11", "930111", "93.01.11.2009" or "9301112009" in the dataset's dotted form; null for anything else (Dapodik's own kode_wilayah). */
function dottedCode(text: string): string | null {
  const digits = text.replace(/[\s.]/g, "");
  if (!/^\d+$/.test(digits)) return null;
  if (digits.length === 6) return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4)}`;
  if (digits.length === 10)
    return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}.${digits.slice(6)}`;
  return null;
}

class AreaIndex {
  readonly districtByCode = new Map<string, District>();
  readonly villageByCode = new Map<string, Village>();
  private readonly districtsByName = new Map<string, District[]>();
  private readonly villagesByDistrict = new Map<string, Map<string, Village>>();

  constructor(data: AreaData) {
    for (const district of data.districts) {
      this.districtByCode.set(district.code, district);
      const key = normalizeName(district.name);
      const list = this.districtsByName.get(key);
      if (list) list.push(district);
      else this.districtsByName.set(key, [district]);
    }
    for (const village of data.villages) {
      this.villageByCode.set(village.code, village);
      let byName = this.villagesByDistrict.get(village.districtCode);
      if (!byName) this.villagesByDistrict.set(village.districtCode, (byName = new Map()));
      byName.set(normalizeName(village.name), village);
    }
  }

  districtsNamed(text: string): District[] {
    for (const form of nameForms(text, KECAMATAN_PREFIXES)) {
      const found = this.districtsByName.get(form);
      if (found) return found;
    }
    return [];
  }

  village(districtCode: string, text: string): Village | null {
    const byName = this.villagesByDistrict.get(districtCode);
    if (!byName) return null;
    for (const form of nameForms(text, DESA_PREFIXES)) {
      const found = byName.get(form);
      if (found) return found;
    }
    return null;
  }

  /** A district or village by the code a file gives, in any of its written forms. */
  byCode(text: string | undefined): { district: District; village: Village | null } | null {
    const code = text ? dottedCode(text) : null;
    if (!code) return null;
    const village = this.villageByCode.get(code);
    const district = this.districtByCode.get(village ? village.districtCode : code);
    return district ? { district, village: village ?? null } : null;
  }
}

/** The regency most rows fit: a row votes for each regency that has its kecamatan (and its desa, when that narrows it). */
function chooseRegency(index: AreaIndex, inputs: UnitInput[]): string | null {
  const votes = new Map<string, number>();
  for (const { rawArea } of inputs) {
    const coded = index.byCode(rawArea.desaCode) ?? index.byCode(rawArea.kecamatanCode);
    let regencies: string[] = coded ? [coded.district.regencyCode] : [];
    if (!coded && rawArea.kecamatan) {
      const districts = index.districtsNamed(rawArea.kecamatan);
      const desa = rawArea.desa;
      const withDesa = desa ? districts.filter((d) => index.village(d.code, desa)) : [];
      regencies = (withDesa.length > 0 ? withDesa : districts).map((d) => d.regencyCode);
    }
    for (const regency of new Set(regencies)) votes.set(regency, (votes.get(regency) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [regency, count] of [...votes].sort(([a], [b]) => a.localeCompare(b))) {
    if (best === null || count > (votes.get(best) ?? 0)) best = regency;
  }
  return best;
}

/**
 * Sets kecamatan, kecamatanCode, desa and desaCode on every unit row that names an area, and
 * returns a warning for each name it could not find. Rows without area columns keep what is stored.
 */
export async function resolveUnitAreas(
  inputs: UnitInput[],
  load: () => Promise<AreaData> = loadIdnAreaData,
): Promise<ImportWarning[]> {
  const named = inputs.filter((input) => Object.keys(input.rawArea).length > 0);
  if (named.length === 0) return [];
  const index = new AreaIndex(await load());
  const regency = chooseRegency(index, named);
  const warnings: ImportWarning[] = [];
  const warn = (input: UnitInput, code: ImportWarning["code"], params: Record<string, string>) =>
    warnings.push({ sheet: input.sheet, line: input.line, key: input.key, code, params });
  for (const input of named) {
    const raw = input.rawArea;
    const coded = index.byCode(raw.desaCode) ?? index.byCode(raw.kecamatanCode);
    const district =
      coded?.district ??
      (raw.kecamatan
        ? index.districtsNamed(raw.kecamatan).find((d) => d.regencyCode === regency)
        : undefined);
    const kecamatanText = raw.kecamatan ?? raw.kecamatanCode;
    if (district) {
      input.kecamatan = district.name;
      input.kecamatanCode = district.code;
    } else if (kecamatanText) {
      input.kecamatan = kecamatanText;
      input.kecamatanCode = null;
      warn(input, "kecamatan_unknown", { name: kecamatanText });
    }
    const desaText = raw.desa ?? raw.desaCode;
    if (!desaText) continue;
    const village = coded?.village ?? (district && raw.desa ? index.village(district.code, raw.desa) : null);
    if (village) {
      input.desa = village.name;
      input.desaCode = village.code;
    } else {
      input.desa = desaText;
      input.desaCode = null;
      // An unknown kecamatan has been reported already; its desa cannot be looked for.
      if (district) warn(input, "desa_unknown", { name: desaText, kecamatan: district.name });
      else if (!kecamatanText) warn(input, "desa_unknown", { name: desaText, kecamatan: "-" });
    }
  }
  return warnings;
}
