// SKP (performance) sheets: SIASN's SKP export or a plain sheet with NIP, Tahun and Predikat (issue 29).
import { parseSkpPredicate, type SkpPredicate } from "../domain/redistribution.ts";
import { fail, rowValues, RowError, type Rejected } from "./cells.ts";
import { cellText } from "./raw-table.ts";
import { skpColumns, type SkpField } from "./columns.ts";
import { readAsnNumber } from "./employee-row.ts";
import type { RawTable } from "./raw-table.ts";

export interface SkpRow {
  sheet: string | null;
  line: number;
  nip: string;
  year: number;
  predicate: SkpPredicate;
}

/** Each row read, or rejected with its reason (a NIP, a year from 2000 to next year, a known predicate). */
export function parseSkpTable(table: RawTable, now: Date): { rows: SkpRow[]; rejected: Rejected[] } {
  const columns = skpColumns(table);
  const rows: SkpRow[] = [];
  const rejected: Rejected[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const get = (field: SkpField) => row.cells[columns[field] ?? -1] ?? null;
    const nipText = cellText(get("nip"));
    try {
      const nip = readAsnNumber(get("nip")).value;
      const yearText = cellText(get("year"));
      const year = Number(yearText.slice(0, 4));
      if (!/^\d{4}/.test(yearText) || year < 2000 || year > now.getUTCFullYear())
        fail("skp_year_invalid", { value: yearText });
      const predicateText = cellText(get("predicate"));
      const predicate =
        parseSkpPredicate(predicateText) ?? fail("skp_predicate_unknown", { value: predicateText });
      const key = `${nip}:${year}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) fail("duplicate", { line: earlier });
      seen.set(key, row.line);
      rows.push({ sheet: table.sheet, line: row.line, nip, year, predicate });
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      rejected.push({
        sheet: table.sheet,
        line: row.line,
        key: nipText,
        reason: error.reason,
        values: rowValues(table.headers, row),
      });
    }
  }
  return { rows, rejected };
}
