import type { UnitField } from "./columns.ts";
import { fail, optionalText, parseNumber, type RowPlace, type RowSource } from "./cells.ts";
import { cellText, type Cell } from "./raw-table.ts";

export const UNIT_KINDS = ["SD", "SMP", "SMA", "PUSKESMAS", "KANTOR", "LAINNYA"] as const;
export type UnitKindCode = (typeof UNIT_KINDS)[number];

/**
 * Dapodik's "Bentuk Pendidikan" by the level a unit's teachers serve: special-needs units of one
 * level (SDLB, SMPLB, SMALB) and madrasahs count with that level; SMK is upper secondary like SMA;
 * early childhood and non-formal units (TK, KB, SPS, PKBM, SKB) and an SLB that spans levels are
 * LAINNYA (other), so they are imported rather than rejected. docs/import.md lists the same table.
 */
const KIND_ALIASES: Record<string, UnitKindCode> = {
  SD: "SD",
  SDLB: "SD",
  MI: "SD",
  SMP: "SMP",
  SMPLB: "SMP",
  MTS: "SMP",
  SMA: "SMA",
  SMALB: "SMA",
  SMK: "SMA",
  MA: "SMA",
  MAK: "SMA",
  SLB: "LAINNYA",
  TK: "LAINNYA",
  TKLB: "LAINNYA",
  KB: "LAINNYA",
  TPA: "LAINNYA",
  SPS: "LAINNYA",
  RA: "LAINNYA",
  PAUD: "LAINNYA",
  PKBM: "LAINNYA",
  SKB: "LAINNYA",
  PUSKESMAS: "PUSKESMAS",
  KANTOR: "KANTOR",
  LAINNYA: "LAINNYA",
};

/** Negeri (public) or Swasta (private): since 2025 ASN teachers may serve in private schools too. */
export type SchoolStatus = "Negeri" | "Swasta";
const STATUS_ALIASES: Record<string, SchoolStatus> = {
  NEGERI: "Negeri",
  N: "Negeri",
  SWASTA: "Swasta",
  S: "Swasta",
};

/** Kecamatan and desa as the file writes them; area-codes.ts resolves them to Kemendagri codes. */
export interface RawArea {
  kecamatan?: string;
  kecamatanCode?: string;
  desa?: string;
  desaCode?: string;
}

/** A unit row that passed its own checks; undefined fields keep what is stored. */
export interface UnitInput extends RowPlace {
  source: RowSource;
  /** What the row is known by in the report: its project code, else its NPSN, else its UNOR ID. */
  key: string;
  code?: string;
  npsn?: string;
  unorId?: string;
  name?: string;
  kind?: UnitKindCode;
  agency?: string;
  agencyName?: string;
  lat?: number;
  lon?: number;
  schoolStatus?: SchoolStatus;
  rombel?: number;
  rawArea: RawArea;
  /** Set by the area step when the file has the column: the official name when resolved, else as written. */
  kecamatan?: string;
  kecamatanCode?: string | null;
  desa?: string;
  desaCode?: string | null;
}

// Dapodik's NPSN: 8 digits; non-formal units (PKBM, LKP) have a letter and 7 digits ("P9998766").
const NPSN = /^(\d{8}|[A-Z]\d{7})$/;
// SIASN writes UNOR_ID as 32 hex digits (an Oracle GUID, "8ae48288597fac650159824e03aa2470");
// newer records are dashed UUIDs. Both are kept upper case, as every code is compared.
const UNOR_ID = /^([0-9A-F]{32}|[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12})$/;

export function parseUnitRow(get: (field: UnitField) => Cell, place: RowPlace, source: RowSource): UnitInput {
  const code = optionalText(get("code"))?.toUpperCase();
  const npsn = optionalText(get("npsn"))?.toUpperCase().replace(/\s/g, "");
  if (npsn && !NPSN.test(npsn)) return fail("npsn_invalid", { value: npsn });
  const unorId = optionalText(get("unorId"))?.toUpperCase().replace(/\s/g, "");
  if (unorId && !UNOR_ID.test(unorId)) return fail("unor_id_invalid", { value: unorId });
  const key = code ?? npsn ?? unorId;
  if (!key) return fail("code_missing");
  const input: UnitInput = { ...place, source, key, rawArea: rawArea(get) };
  if (code) input.code = code;
  if (npsn) input.npsn = npsn;
  if (unorId) input.unorId = unorId;
  const name = optionalText(get("name"));
  if (name) input.name = name;
  const kindText = optionalText(get("kind"));
  if (kindText) {
    const kind = KIND_ALIASES[kindText.toUpperCase().replace(/[\s.]+/g, "")];
    if (!kind) return fail("kind_unknown", { value: kindText, allowed: UNIT_KINDS.join(", ") });
    input.kind = kind;
  }
  const agency = optionalText(get("agency"))?.toUpperCase();
  if (agency) input.agency = agency;
  const agencyName = optionalText(get("agencyName"));
  if (agencyName) input.agencyName = agencyName;
  for (const [field, bound] of [
    ["lat", 90],
    ["lon", 180],
  ] as const) {
    const value = parseNumber(get(field));
    if (value === null) continue;
    if (Number.isNaN(value) || Math.abs(value) > bound)
      return fail("coordinate_invalid", { field, value: cellText(get(field)) });
    input[field] = value;
  }
  const statusText = optionalText(get("schoolStatus"));
  if (statusText) {
    const status = STATUS_ALIASES[statusText.toUpperCase()];
    if (!status) return fail("school_status_unknown", { value: statusText });
    input.schoolStatus = status;
  }
  const rombel = parseNumber(get("rombel"));
  if (rombel !== null) {
    if (!Number.isInteger(rombel) || rombel < 0)
      return fail("rombel_invalid", { value: cellText(get("rombel")) });
    input.rombel = rombel;
  }
  return input;
}

function rawArea(get: (field: UnitField) => Cell): RawArea {
  const area: RawArea = {};
  for (const field of ["kecamatan", "kecamatanCode", "desa", "desaCode"] as const) {
    const text = optionalText(get(field));
    if (text) area[field] = text;
  }
  return area;
}
