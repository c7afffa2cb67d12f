// A file's tables as read, before any column is known: raw rows of raw cells.
/** What a cell can hold once read: text from CSV, numbers and dates from Excel, or nothing. */
export type Cell = string | number | Date | null;

export interface RawRow {
  /** Line in the CSV file or row number in the sheet, as the operator sees it in their editor. */
  line: number;
  cells: Cell[];
}

/** One table of the file: the whole CSV, or one XLSX sheet. */
export interface RawTable {
  /** Sheet name in an XLSX file; null for CSV. */
  sheet: string | null;
  headers: string[];
  rows: RawRow[];
}

/** The trimmed text of a cell as a person would read it. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}
