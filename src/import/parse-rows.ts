import type { MappedTable } from "./columns.ts";
import { hasSiasnFields, parseEmployeeRow, type EmployeeInput } from "./employee-row.ts";
import { isHonorerRow, parseHonorerRow, type HonorerInput } from "./honorer-row.ts";
import { parseUnitRow, type UnitInput } from "./unit-row.ts";
import { cellText } from "./raw-table.ts";
import {
  fail,
  getter,
  optionalText,
  RowError,
  rowValues,
  type RejectReason,
  type Rejected,
  type RowPlace,
  type RowSource,
} from "./cells.ts";

export * from "./cells.ts";

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
