import { parseAsnNumber, type AsnKind, type NiPppkProblem, type NipProblem } from "../domain/nip.ts";
import { parseDayMonthYear, utcCalendarDate } from "../domain/time.ts";
import type { EmployeeField, MappedTable, UnitField } from "./columns.ts";
import { cellText, type Cell, type RawRow } from "./read-file.ts";

export const UNIT_KINDS = ["SD", "SMP", "SMA", "PUSKESMAS", "KANTOR", "LAINNYA"] as const;
export type UnitKindCode = (typeof UNIT_KINDS)[number];

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

/** The row as read, kept by reference so a later reject can show it. */
export interface RowSource {
  headers: string[];
  row: RawRow;
}

/** A unit row that passed its own checks; undefined fields keep what is stored. */
export interface UnitInput extends RowPlace {
  source: RowSource;
  code: string;
  name?: string;
  kind?: UnitKindCode;
  agency?: string;
  agencyName?: string;
  lat?: number;
  lon?: number;
}

export interface EmployeeInput extends RowPlace {
  source: RowSource;
  nip: string;
  /** From the NIP; used when the file has no birth date. */
  nipBirthDate: Date;
  /** PNS (NIP) or PPPK (NI PPPK), told by the number. */
  asnKind: AsnKind;
  name?: string;
  unit?: string;
  role?: string;
  roleName?: string;
  hours?: number;
  birthDate?: Date;
  postSince?: Date;
}

export type NipRejectProblem = NipProblem | NiPppkProblem;

class RowError extends Error {
  constructor(readonly reason: RejectReason) {
    super(reason.code);
  }
}
const fail = (code: RejectReason["code"], params?: RejectReason["params"]): never => {
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

function rowValues(headers: string[], row: RawRow): Record<string, string> {
  const values: Record<string, string> = {};
  headers.forEach((header, i) => {
    if (header) values[header] = cellText(row.cells[i]);
  });
  return values;
}

function getter<F extends string>(columns: Partial<Record<F, number>>, row: RawRow) {
  return (field: F): Cell => {
    const index = columns[field];
    return index === undefined ? null : (row.cells[index] ?? null);
  };
}

function optionalText(cell: Cell): string | undefined {
  const text = cellText(cell).replace(/\s+/g, " ");
  return text === "" ? undefined : text;
}

function parseDateField(cell: Cell, field: "birth" | "post", today: Date): Date | undefined {
  if (cellText(cell) === "") return undefined;
  const date = parseImportDate(cell);
  if (!date) return fail("date_invalid", { field, value: cellText(cell) });
  if (date > today) return fail("date_future", { field, value: cellText(cell) });
  return date;
}

function parseUnitRow(get: (field: UnitField) => Cell, place: RowPlace, source: RowSource): UnitInput {
  const code = optionalText(get("code"))?.toUpperCase();
  if (!code) return fail("code_missing");
  const input: UnitInput = { ...place, source, code };
  const name = optionalText(get("name"));
  if (name) input.name = name;
  const kindText = optionalText(get("kind"));
  if (kindText) {
    const kind = kindText.toUpperCase().replace(/\s+/g, "");
    if (!(UNIT_KINDS as readonly string[]).includes(kind))
      return fail("kind_unknown", { value: kindText, allowed: UNIT_KINDS.join(", ") });
    input.kind = kind as UnitKindCode;
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
  return input;
}

function parseEmployeeRow(
  get: (field: EmployeeField) => Cell,
  place: RowPlace,
  source: RowSource,
  today: Date,
): EmployeeInput {
  const nipCell = get("nip");
  // Excel keeps numbers as doubles: an 18-digit NIP typed as a number has already lost its last digits.
  if (typeof nipCell === "number" && !Number.isSafeInteger(nipCell))
    return fail("nip_number", { value: String(nipCell) });
  const nipText = cellText(nipCell).replace(/^'/, "");
  if (nipText === "") return fail("nip_missing");
  // A NIP or an NI PPPK: about a fifth of teachers are PPPK.
  const parsed = parseAsnNumber(nipText);
  if (!parsed.ok) return fail("nip_invalid", { nip: nipText, problem: parsed.problem });
  const input: EmployeeInput = {
    ...place,
    source,
    nip: parsed.value,
    nipBirthDate: parsed.birthDate,
    asnKind: parsed.kind,
  };
  const name = optionalText(get("name"));
  if (name) input.name = name;
  const unit = optionalText(get("unit"))?.toUpperCase();
  if (unit) input.unit = unit;
  const role = optionalText(get("role"))?.toUpperCase();
  if (role) input.role = role;
  const roleName = optionalText(get("roleName"));
  if (roleName) input.roleName = roleName;
  const hours = parseNumber(get("hours"));
  if (hours !== null) {
    const shown = cellText(get("hours"));
    if (Number.isNaN(hours)) return fail("hours_invalid", { value: shown });
    if (hours < 0) return fail("hours_negative", { value: shown });
    // PP 74/2008 caps a teacher at 40 JP; 60 leaves room for non-teaching posts and still catches typos.
    if (hours > 60) return fail("hours_too_high", { value: shown, max: 60 });
    input.hours = hours;
  }
  const birthDate = parseDateField(get("birthDate"), "birth", today);
  if (birthDate) input.birthDate = birthDate;
  const postSince = parseDateField(get("postSince"), "post", today);
  if (postSince) input.postSince = postSince;
  if (postSince && postSince <= (birthDate ?? input.nipBirthDate)) return fail("post_before_birth");
  return input;
}

export interface ParsedRows {
  units: UnitInput[];
  employees: EmployeeInput[];
  rejected: Rejected[];
  /** Header row of each table, for the rejects CSV. */
  headers: string[];
  hasRoleNames: boolean;
}

/** Checks every row on its own (formats, NIP, dates, duplicates); references are checked against the database later. */
export function parseRows(tables: MappedTable[], today: Date): ParsedRows {
  const result: ParsedRows = { units: [], employees: [], rejected: [], headers: [], hasRoleNames: false };
  const seen = new Map<string, RowPlace>();
  for (const mapped of tables) {
    const { table } = mapped;
    for (const header of table.headers)
      if (header && !result.headers.includes(header)) result.headers.push(header);
    if (mapped.kind === "employees" && mapped.columns.roleName !== undefined) result.hasRoleNames = true;
    for (const row of table.rows) {
      const place: RowPlace = { sheet: table.sheet, line: row.line };
      const source: RowSource = { headers: table.headers, row };
      try {
        if (mapped.kind === "units") {
          const unit = parseUnitRow(getter(mapped.columns, row), place, source);
          checkDuplicate(seen, `unit:${unit.code}`, place);
          result.units.push(unit);
        } else {
          const employee = parseEmployeeRow(getter(mapped.columns, row), place, source, today);
          checkDuplicate(seen, `nip:${employee.nip}`, place);
          result.employees.push(employee);
        }
      } catch (error) {
        if (!(error instanceof RowError)) throw error;
        const keyColumn = mapped.kind === "units" ? mapped.columns.code : mapped.columns.nip;
        const key = keyColumn === undefined ? "" : cellText(row.cells[keyColumn]);
        result.rejected.push({ ...place, key, reason: error.reason, values: rowValues(table.headers, row) });
      }
    }
  }
  return result;
}

function checkDuplicate(seen: Map<string, RowPlace>, key: string, place: RowPlace): void {
  const first = seen.get(key);
  if (first) fail("duplicate", { line: first.line });
  seen.set(key, place);
}

/** A row that passed its own checks but fails against the database (unknown unit or role). */
export function rejectInput(input: UnitInput | EmployeeInput, key: string, reason: RejectReason): Rejected {
  return {
    sheet: input.sheet,
    line: input.line,
    key,
    reason,
    values: rowValues(input.source.headers, input.source.row),
  };
}
