import { DomainError } from "../domain/errors.ts";
import type { RawTable } from "./raw-table.ts";
import { normalizeHeader } from "./header.ts";
import { isSkpTable, SKP_COLUMNS } from "./skp-columns.ts";

export { normalizeHeader } from "./header.ts";
export { isSkpTable, skpColumns, type SkpField } from "./skp-columns.ts";

/**
 * Accepted column names, normalised (lower case, anything but letters and digits becomes "_").
 * SIASN's and Dapodik's export names are listed where they exist; docs/import.md is the
 * operator's copy of these lists — keep the two in step.
 */
export const UNIT_COLUMNS = {
  // Three codes can name one unit: the project's own, Dapodik's NPSN and SIASN's UNOR ID.
  code: ["kode", "code", "kode_unit", "unit_code", "kode_satker"],
  npsn: ["npsn"],
  unorId: ["unor_id", "id_unor", "kode_unor"],
  name: [
    "nama",
    "name",
    "nama_unit",
    "unit_name",
    "nama_sekolah",
    "nama_satuan_pendidikan",
    "nama_unor",
    "unor_nama",
  ],
  kind: ["jenis", "kind", "jenis_unit", "bentuk_pendidikan", "jenjang", "type"],
  agency: ["instansi", "agency", "kode_instansi", "agency_code"],
  agencyName: ["nama_instansi", "agency_name", "instansi_nama"],
  lat: ["lat", "lintang", "latitude"],
  lon: ["lon", "lng", "bujur", "longitude"],
  schoolStatus: ["status_sekolah", "status", "status_satuan_pendidikan", "school_status"],
  kecamatan: ["kecamatan", "kec", "distrik", "nama_kecamatan", "district"],
  kecamatanCode: ["kode_kecamatan", "kode_wilayah", "kode_distrik", "kode_kec", "district_code"],
  desa: ["desa_kelurahan", "desa", "kelurahan", "kampung", "nama_desa", "desa_kel", "village"],
  desaCode: ["kode_desa", "kode_kelurahan", "kode_desa_kelurahan", "kode_kampung", "village_code"],
  rombel: ["jumlah_rombel", "rombel", "jml_rombel", "jumlah_rombongan_belajar", "rombongan_belajar"],
} as const;

/** The unit fields any of which names a unit (a row needs one). */
export const UNIT_CODE_FIELDS = ["code", "npsn", "unorId"] as const satisfies readonly UnitField[];

export const EMPLOYEE_COLUMNS = {
  nip: ["nip", "nip_baru", "nip18", "nip_18"],
  name: ["nama", "name", "nama_pegawai", "nama_lengkap", "nama_ptk"],
  unit: ["kode_unit", "unit_code", "unit", "kode_unor", "unor_id", "id_unor", "npsn"],
  role: ["kode_jabatan", "role_code", "jabatan", "jabatan_id", "id_jabatan", "role"],
  roleName: ["nama_jabatan", "role_name", "jabatan_nama"],
  /** Capacity for a non-teaching role; for a teacher (and any Dapodik JJM) the hours taught. */
  hours: [
    "jp_per_minggu",
    "jp",
    "jjm",
    "jam",
    "jam_per_minggu",
    "jumlah_jam_mengajar",
    "weekly_hours",
    "hours",
  ],
  birthDate: ["tanggal_lahir", "tgl_lahir", "birth_date", "date_of_birth"],
  postSince: ["tmt_jabatan", "tmt", "date_entered_post", "post_since"],
  // SIASN data utama.
  pnsId: ["pns_id", "id_pns"],
  titleFront: ["gelar_depan"],
  titleBack: ["gelar_belakang"],
  sex: ["jenis_kelamin", "jk", "sex", "l_p"],
  legalStatus: ["kedudukan_hukum_nama", "kedudukan_hukum"],
  asnKind: ["jenis_pegawai_nama", "jenis_pegawai"],
  golongan: ["gol_akhir_nama", "golongan", "pangkat_golongan", "golongan_ruang"],
  tmtGolongan: ["tmt_golongan", "tmt_gol"],
  jabatanKind: ["jenis_jabatan_nama", "jenis_jabatan"],
  educationLevel: ["tingkat_pendidikan_nama", "tingkat_pendidikan", "jenjang_pendidikan"],
  education: ["pendidikan_nama", "pendidikan", "jurusan"],
  // Dapodik PTK list.
  nuptk: ["nuptk"],
  employment: ["status_kepegawaian"],
  ptkKind: ["jenis_ptk"],
  subject: ["mata_pelajaran", "mapel", "mata_pelajaran_diajarkan"],
  certification: ["sertifikasi", "status_sertifikasi"],
} as const;

/** Where an employees table comes from: SIASN's data utama, Dapodik's PTK list, or a plain file. */
export type EmployeeOrigin = "FILE" | "SIASN" | "DAPODIK";

// Columns only SIASN's data utama has; two of them tell it apart from a plain file that borrows `nip_baru`.
const SIASN_ONLY = [
  "pns_id",
  "kedudukan_hukum_nama",
  "status_cpns_pns",
  "jenis_pegawai_nama",
  "gol_akhir_nama",
  "jenis_jabatan_nama",
  "tingkat_pendidikan_nama",
];

/** SIASN by its BKN column names, Dapodik by `Jenis PTK`, anything else a plain file. */
export function employeeOriginOf(headers: string[]): EmployeeOrigin {
  const normalized = new Set(headers.map(normalizeHeader));
  if (SIASN_ONLY.filter((name) => normalized.has(name)).length >= 2) return "SIASN";
  if (normalized.has("jenis_ptk")) return "DAPODIK";
  return "FILE";
}

/** Reference data: the jabatan sheet (one row per role) and the kesesuaian sheet (which role may fill which). */
export const ROLE_COLUMNS = {
  code: ["kode", "kode_jabatan", "code", "role_code"],
  name: ["nama", "nama_jabatan", "name", "role_name"],
  teacher: ["guru", "guru_ya_tidak", "is_teacher", "teacher"],
  hours: ["jam_standar", "standard_hours", "jp_standar"],
  unit: ["satuan", "satuan_jam", "hours_unit"],
  retirementAge: ["bup", "batas_usia_pensiun", "retirement_age"],
  hoursPerRombel: ["jp_per_rombel", "hours_per_rombel"],
  qualification: ["kualifikasi", "kualifikasi_pendidikan", "qualification"],
  dapodik: ["dapodik", "label_dapodik", "dapodik_labels"],
} as const;

export const COMPATIBILITY_COLUMNS = {
  from: ["dari", "from", "dari_jabatan", "from_role"],
  to: ["ke", "to", "ke_jabatan", "to_role"],
  note: ["catatan", "note", "keterangan"],
} as const;

export type RoleField = keyof typeof ROLE_COLUMNS;
export type CompatibilityField = keyof typeof COMPATIBILITY_COLUMNS;
export type ReferenceKind = "roles" | "compatibility";

const ROLE_SHEETS = ["jabatan", "roles", "referensi_jabatan"];
const COMPATIBILITY_SHEETS = ["kesesuaian", "kesesuaian_jabatan", "compatibility"];
// Columns only a jabatan sheet has: "kode" + "nama" alone is a units file.
const ROLE_ONLY: readonly RoleField[] = [
  "teacher",
  "hours",
  "unit",
  "retirementAge",
  "hoursPerRombel",
  "qualification",
  "dapodik",
];

export type MappedReference =
  | { kind: "roles"; table: RawTable; columns: Partial<Record<RoleField, number>> }
  | { kind: "compatibility"; table: RawTable; columns: Partial<Record<CompatibilityField, number>> };

/** A jabatan or kesesuaian sheet, known by its name or else by columns no units or employees file has. */
export function referenceKindOf(table: RawTable): ReferenceKind | null {
  const sheet = table.sheet ? normalizeHeader(table.sheet) : null;
  if (sheet && ROLE_SHEETS.includes(sheet)) return "roles";
  if (sheet && COMPATIBILITY_SHEETS.includes(sheet)) return "compatibility";
  if (sheet && (UNIT_SHEETS.includes(sheet) || EMPLOYEE_SHEETS.includes(sheet))) return null;
  // An employees file names a role per person ("Kode Jabatan"); a NIP column says which it is.
  if (mapColumns(table.headers, EMPLOYEE_COLUMNS).nip !== undefined) return null;
  const compat = mapColumns(table.headers, COMPATIBILITY_COLUMNS);
  if (compat.from !== undefined && compat.to !== undefined) return "compatibility";
  const role = mapColumns(table.headers, ROLE_COLUMNS);
  if (role.code !== undefined && ROLE_ONLY.some((field) => role[field] !== undefined)) return "roles";
  return null;
}

/** The reference tables of a file, jabatan before kesesuaian (compatibility may name roles the same file defines). */
export function mapReferenceTables(tables: RawTable[]): MappedReference[] {
  const mapped: MappedReference[] = [];
  for (const table of tables) {
    const kind = referenceKindOf(table);
    if (kind === "roles") {
      mapped.push({ kind, table, columns: requireColumns(table, ROLE_COLUMNS, ["code"], "kode") });
    } else if (kind === "compatibility") {
      const columns = requireColumns(table, COMPATIBILITY_COLUMNS, ["from", "to"], "dari, ke");
      mapped.push({ kind, table, columns });
    }
  }
  return mapped.sort(byKind("roles"));
}

/** True when some table is units or employees (the rest of the file goes to the data import). */
export function hasDataTables(tables: RawTable[]): boolean {
  return tables.some((table) => kindOf(table) !== null);
}

export type UnitField = keyof typeof UNIT_COLUMNS;
export type EmployeeField = keyof typeof EMPLOYEE_COLUMNS;
export type TableKind = "units" | "employees";

const UNIT_SHEETS = ["units", "unit", "unit_kerja"];
const EMPLOYEE_SHEETS = ["employees", "pegawai", "asn"];

/** Every header name some table kind knows, normalised: how read-file.ts finds the header row under title rows. */
export function isKnownHeader(normalized: string): boolean {
  knownHeaders ??= new Set(
    [UNIT_COLUMNS, EMPLOYEE_COLUMNS, ROLE_COLUMNS, COMPATIBILITY_COLUMNS, SKP_COLUMNS].flatMap((aliases) =>
      Object.values<readonly string[]>(aliases).flat(),
    ),
  );
  return knownHeaders.has(normalized);
}
let knownHeaders: Set<string> | undefined;

/** Column index of each known field; the first matching column wins. */
function mapColumns<F extends string>(
  headers: string[],
  aliases: Record<F, readonly string[]>,
): Partial<Record<F, number>> {
  const normalized = headers.map(normalizeHeader);
  const map: Partial<Record<F, number>> = {};
  for (const field of Object.keys(aliases) as F[]) {
    for (const alias of aliases[field]) {
      const index = normalized.indexOf(alias);
      if (index >= 0) {
        map[field] = index;
        break;
      }
    }
  }
  return map;
}

export type MappedTable =
  | { kind: "units"; table: RawTable; columns: Partial<Record<UnitField, number>> }
  | {
      kind: "employees";
      table: RawTable;
      columns: Partial<Record<EmployeeField, number>>;
      origin: EmployeeOrigin;
    };

/** A table is employees when it has a NIP column, units when it has a unit code; sheet names decide first. */
function kindOf(table: RawTable): TableKind | null {
  if (referenceKindOf(table) !== null) return null;
  // NIP, Tahun, Predikat: SKP rows (imports/import-skp.ts), not employees.
  if (isSkpTable(table)) return null;
  const sheet = table.sheet ? normalizeHeader(table.sheet) : null;
  if (sheet && UNIT_SHEETS.includes(sheet)) return "units";
  if (sheet && EMPLOYEE_SHEETS.includes(sheet)) return "employees";
  if (mapColumns(table.headers, EMPLOYEE_COLUMNS).nip !== undefined) return "employees";
  const unit = mapColumns(table.headers, UNIT_COLUMNS);
  if (UNIT_CODE_FIELDS.some((field) => unit[field] !== undefined)) return "units";
  return null;
}

/**
 * Recognises each table; units come first so employees may name units created by the same file.
 * Sheets that are neither (a "Petunjuk" sheet of instructions) are skipped.
 */
export function mapTables(tables: RawTable[]): MappedTable[] {
  const mapped: MappedTable[] = [];
  for (const table of tables) {
    const kind = kindOf(table);
    if (kind === "units") {
      // A row is keyed by whichever code it has, so a table needs at least one of them.
      const columns = mapColumns(table.headers, UNIT_COLUMNS);
      if (UNIT_CODE_FIELDS.every((field) => columns[field] === undefined))
        throw missingColumn(table, "kode / NPSN / UNOR_ID");
      mapped.push({ kind, table, columns });
    } else if (kind === "employees") {
      const columns = requireColumns(table, EMPLOYEE_COLUMNS, ["nip"], "NIP / nip_baru");
      mapped.push({ kind, table, columns, origin: employeeOriginOf(table.headers) });
    }
  }
  if (mapped.length === 0) {
    const headers = tables
      .flatMap((t) => t.headers)
      .filter(Boolean)
      .slice(0, 12)
      .join(", ");
    throw new DomainError("import_unknown_columns", { headers: headers || "-" });
  }
  return mapped.sort(byKind("units"));
}

/** The table's columns; a table without one of the `required` fields is refused, naming `label`. */
function requireColumns<F extends string>(
  table: RawTable,
  aliases: Record<F, readonly string[]>,
  required: readonly F[],
  label: string,
): Partial<Record<F, number>> {
  const columns = mapColumns(table.headers, aliases);
  if (required.some((field) => columns[field] === undefined)) throw missingColumn(table, label);
  return columns;
}

/** Orders tables of two kinds with `first` ahead, keeping the file's order within a kind. */
function byKind(first: string): (a: { kind: string }, b: { kind: string }) => number {
  return (a, b) => (a.kind === b.kind ? 0 : a.kind === first ? -1 : 1);
}

function missingColumn(table: RawTable, column: string): DomainError {
  return new DomainError("import_missing_column", { sheet: table.sheet ?? "CSV", column });
}
