// The cells of an import row: where a row is, why it is rejected, and how a cell becomes a number,
// a date or a text. Every row parser (units, employees, honorers, reference data) reads cells here.
import type { NiPppkProblem, NipProblem } from "../domain/nip.ts";
import { parseDayMonthYear, utcCalendarDate } from "../domain/time.ts";
import { cellText, type Cell, type RawRow } from "./raw-table.ts";

/** Where a row came from, as the operator finds it again in the file. */
export interface RowPlace {
  sheet: string | null;
  line: number;
}

/** Why a row was not imported: a locale key under import.reject.* and its parameters. */
export interface RejectReason {
  code:
    | "nip_missing"
    | "nip_invalid"
    | "nip_number"
    | "code_missing"
    | "name_missing"
    | "agency_missing"
    | "kind_unknown"
    | "coordinate_invalid"
    | "npsn_invalid"
    | "unor_id_invalid"
    | "school_status_unknown"
    | "rombel_invalid"
    | "unit_codes_conflict"
    | "unit_code_taken"
    | "unit_missing"
    | "unit_unknown"
    | "role_missing"
    | "role_unknown"
    | "hours_invalid"
    | "hours_negative"
    | "hours_too_high"
    | "date_invalid"
    | "date_future"
    | "post_missing"
    | "post_before_birth"
    | "duplicate"
    // SIASN and Dapodik employee files.
    | "sex_invalid"
    | "status_unknown"
    | "asn_kind_mismatch"
    | "golongan_invalid"
    | "dapodik_role_missing"
    | "dapodik_role_unknown"
    | "unit_conflict"
    // Reference data (jabatan and kesesuaian sheets).
    | "ref_code_missing"
    | "ref_teacher_invalid"
    | "ref_unit_invalid"
    | "ref_number_invalid"
    | "ref_label_taken"
    | "ref_compat_missing"
    | "ref_compat_unknown"
    | "ref_compat_self"
    // SKP sheets (issue 29).
    | "skp_year_invalid"
    | "skp_predicate_unknown"
    | "skp_employee_unknown";
  params?: Record<string, string | number>;
}

export interface Rejected extends RowPlace {
  /** NIP or unit code when the row has one. */
  key: string;
  reason: RejectReason;
  /** The row as it was in the file, by header, for the rejects CSV. */
  values: Record<string, string>;
}

/** A row imported with something the operator should look at (a kecamatan or desa not found): a locale key under import.warn.*. */
export interface ImportWarning extends RowPlace {
  key: string;
  code: "kecamatan_unknown" | "desa_unknown";
  params: Record<string, string>;
}

/** The row as read, kept by reference so a later reject can show it. */
export interface RowSource {
  headers: string[];
  row: RawRow;
}

export type NipRejectProblem = NipProblem | NiPppkProblem;

export class RowError extends Error {
  constructor(readonly reason: RejectReason) {
    super(reason.code);
  }
}
export const fail = (code: RejectReason["code"], params?: RejectReason["params"]): never => {
  throw new RowError(params ? { code, params } : { code });
};

/** Numbers as Indonesians type them: "24,5" is 24.5. */
export function parseNumber(cell: Cell): number | null {
  if (typeof cell === "number") return cell;
  const text = cellText(cell).replace(/\s/g, "");
  if (text === "") return null;
  const normalized = text.includes(",") && !text.includes(".") ? text.replace(",", ".") : text;
  if (!/^[-+]?\d+(\.\d+)?$/.test(normalized)) return Number.NaN;
  return Number(normalized);
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** yyyy-mm-dd, dd-mm-yyyy, dd/mm/yyyy, an Excel date cell or an Excel serial day number; null when unreadable or impossible. */
export function parseImportDate(cell: Cell): Date | null {
  let date: Date | null;
  if (cell instanceof Date) {
    date = new Date(Date.UTC(cell.getUTCFullYear(), cell.getUTCMonth(), cell.getUTCDate()));
  } else if (typeof cell === "number" || /^\d{5}$/.test(cellText(cell))) {
    const serial = Number(cell);
    date = Number.isInteger(serial) && serial > 0 ? new Date(EXCEL_EPOCH + serial * 86_400_000) : null;
  } else {
    // SIASN writes "1985-01-01 00:00:00"; the time part says nothing.
    const text = cellText(cell).replace(/[ T]\d{1,2}:\d{2}(:\d{2})?$/, "");
    const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text);
    if (iso) {
      date = utcCalendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    } else {
      date = parseDayMonthYear(text);
    }
  }
  if (!date || Number.isNaN(date.getTime())) return null;
  const year = date.getUTCFullYear();
  return year >= 1900 && year <= 2100 ? date : null;
}

export function rowValues(headers: string[], row: RawRow): Record<string, string> {
  const values: Record<string, string> = {};
  headers.forEach((header, i) => {
    if (header) values[header] = cellText(row.cells[i]);
  });
  return values;
}

export function getter<F extends string>(columns: Partial<Record<F, number>>, row: RawRow) {
  return (field: F): Cell => {
    const index = columns[field];
    return index === undefined ? null : (row.cells[index] ?? null);
  };
}

export function optionalText(cell: Cell): string | undefined {
  const text = cellText(cell).replace(/\s+/g, " ");
  return text === "" ? undefined : text;
}

export function parseDateField(
  cell: Cell,
  field: "birth" | "post" | "golongan",
  today: Date,
): Date | undefined {
  if (cellText(cell) === "") return undefined;
  const date = parseImportDate(cell);
  if (!date) return fail("date_invalid", { field, value: cellText(cell) });
  if (date > today) return fail("date_future", { field, value: cellText(cell) });
  return date;
}
