import type { NiPppkProblem, NipProblem } from "../domain/nip.ts";
import { parseDayMonthYear, utcCalendarDate } from "../domain/time.ts";
import type { MappedTable } from "./columns.ts";
import { hasSiasnFields, parseEmployeeRow, type EmployeeInput } from "./employee-row.ts";
import { isHonorerRow, parseHonorerRow, type HonorerInput } from "./honorer-row.ts";
import { parseUnitRow, type UnitInput } from "./unit-row.ts";
import { cellText, type Cell, type RawRow } from "./read-file.ts";

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
    | "ref_compat_self";
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

/**
 * A Dapodik export lists a school's whole PTK roster: a school in it whose stored honorer is not
 * there has lost that honorer. Schools with a rejected row are kept apart (the missing person may
 * be that row), and a rejected row naming no school keeps every honorer.
 */
export interface DapodikSchools {
  listed: Set<string>;
  withRejectedRows: Set<string>;
  rejectedWithoutSchool: boolean;
}

export interface ParsedRows {
  units: UnitInput[];
  employees: EmployeeInput[];
  /** Dapodik rows of guru honorer: the school's capacity, not employees. */
  honorers: HonorerInput[];
  /** The schools (NPSN as written) the file's Dapodik rows list their staff for. */
  dapodikSchools: DapodikSchools;
  rejected: Rejected[];
  /** Header row of each table, for the rejects CSV. */
  headers: string[];
  hasRoleNames: boolean;
}

/** Checks every row on its own (formats, NIP, dates, duplicates); references are checked against the database later. */
export function parseRows(tables: MappedTable[], today: Date): ParsedRows {
  const result: ParsedRows = {
    units: [],
    employees: [],
    honorers: [],
    dapodikSchools: { listed: new Set(), withRejectedRows: new Set(), rejectedWithoutSchool: false },
    rejected: [],
    headers: [],
    hasRoleNames: false,
  };
  const seen = new Map<string, RowPlace>();
  for (const mapped of tables) {
    const { table } = mapped;
    for (const header of table.headers)
      if (header && !result.headers.includes(header)) result.headers.push(header);
    // A plain file with a role name column defines its roles; SIASN's JABATAN_NAMA always may.
    if (mapped.kind === "employees" && mapped.columns.roleName !== undefined) result.hasRoleNames = true;
    for (const row of table.rows) {
      const place: RowPlace = { sheet: table.sheet, line: row.line };
      const source: RowSource = { headers: table.headers, row };
      const school =
        mapped.kind === "employees" && mapped.origin === "DAPODIK"
          ? (optionalText(getter(mapped.columns, row)("unit"))?.toUpperCase() ?? null)
          : undefined;
      if (school) result.dapodikSchools.listed.add(school);
      try {
        if (mapped.kind === "units") {
          const unit = parseUnitRow(getter(mapped.columns, row), place, source);
          // Any code two rows share names one unit twice.
          checkDuplicates(
            seen,
            unitCodes(unit).map((code) => `unit:${code}`),
            place,
          );
          result.units.push(unit);
        } else if (mapped.origin === "DAPODIK" && isHonorerRow(getter(mapped.columns, row))) {
          const honorer = parseHonorerRow(getter(mapped.columns, row), place, source, today);
          checkDuplicates(seen, [`honorer:${honorer.key}`], place);
          result.honorers.push(honorer);
        } else {
          const get = getter(mapped.columns, row);
          const employee = parseEmployeeRow(get, place, source, today, {
            origin: mapped.origin,
            siasnFields: hasSiasnFields(mapped.columns),
          });
          checkDuplicates(seen, [`nip:${employee.nip}`], place);
          result.employees.push(employee);
        }
      } catch (error) {
        if (!(error instanceof RowError)) throw error;
        const keyColumns =
          mapped.kind === "units"
            ? [mapped.columns.code, mapped.columns.npsn, mapped.columns.unorId]
            : // An honorer has no NIP: the NUPTK or the name finds the row.
              [mapped.columns.nip, mapped.columns.nuptk, mapped.columns.name];
        const key =
          keyColumns
            .map((i) => (i === undefined ? "" : cellText(row.cells[i])))
            .find((text) => text !== "") ?? "";
        result.rejected.push({ ...place, key, reason: error.reason, values: rowValues(table.headers, row) });
        if (school) result.dapodikSchools.withRejectedRows.add(school);
        else if (school === null) result.dapodikSchools.rejectedWithoutSchool = true;
      }
    }
  }
  return result;
}

function checkDuplicates(seen: Map<string, RowPlace>, keys: string[], place: RowPlace): void {
  for (const key of keys) {
    const first = seen.get(key);
    if (first) fail("duplicate", { line: first.line });
  }
  for (const key of keys) seen.set(key, place);
}

/** Every code a unit row gives (project code, NPSN, UNOR ID). */
export function unitCodes(unit: Pick<UnitInput, "code" | "npsn" | "unorId">): string[] {
  return [unit.code, unit.npsn, unit.unorId].filter((code): code is string => code !== undefined);
}

/** A row that passed its own checks but fails against the database (unknown unit or role). */
export function rejectInput(
  input: UnitInput | EmployeeInput | HonorerInput,
  key: string,
  reason: RejectReason,
): Rejected {
  return {
    sheet: input.sheet,
    line: input.line,
    key,
    reason,
    values: rowValues(input.source.headers, input.source.row),
  };
}
