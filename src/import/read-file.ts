import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { DomainError } from "../domain/errors.ts";
import { isKnownHeader, normalizeHeader } from "./columns.ts";

export { cellText, type Cell, type RawRow, type RawTable } from "./raw-table.ts";
import { cellText, type Cell, type RawRow, type RawTable } from "./raw-table.ts";

export interface ImportLimits {
  maxBytes: number;
  maxRows: number;
}

/** 5 MB holds about 50,000 employees in CSV; a bigger file is almost always the wrong export. */
export const DEFAULT_IMPORT_LIMITS: ImportLimits = { maxBytes: 5 * 1024 * 1024, maxRows: 100_000 };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
// The old binary .xls (OLE compound file): Excel 97–2003, which exceljs cannot read.
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(buffer: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, i) => buffer[i] === byte);
}

/**
 * Reads a CSV or XLSX file into tables of raw cells. File-level problems (size, encoding, format,
 * too many rows) are DomainErrors the operator can act on; row-level checks come later.
 */
export async function readImportFile(
  buffer: Buffer,
  fileName: string,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): Promise<RawTable[]> {
  if (buffer.length > limits.maxBytes) {
    throw new DomainError("import_too_large", {
      size: megabytes(buffer.length),
      max: megabytes(limits.maxBytes),
    });
  }
  if (buffer.length === 0) throw new DomainError("import_empty");
  const lower = fileName.toLowerCase();
  let tables: RawTable[];
  if (startsWith(buffer, OLE_MAGIC) || lower.endsWith(".xls")) throw new DomainError("import_xls");
  if (startsWith(buffer, ZIP_MAGIC)) tables = await readXlsx(buffer);
  else if (lower.endsWith(".xlsx")) throw new DomainError("import_bad_xlsx");
  else tables = readCsv(buffer);
  const rows = tables.reduce((sum, t) => sum + t.rows.length, 0);
  if (rows > limits.maxRows) throw new DomainError("import_too_many_rows", { rows, max: limits.maxRows });
  return tables;
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

function decodeUtf8(buffer: Buffer): string {
  if ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff)) {
    // Excel's "Unicode Text" and some SIASN downloads are UTF-16; csv-parse would read garbage.
    throw new DomainError("import_utf16");
  }
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(buffer);
  } catch {
    // Usually Windows-1252 ("CSV (Comma delimited)" in Excel): names with é or ñ break.
    throw new DomainError("import_not_utf8");
  }
}

/** Excel in an Indonesian locale writes ";" because "," is the decimal separator. */
function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/).find((line) => line.trim() !== "") ?? "";
  const unquoted = firstLine.replace(/"[^"]*"/g, "");
  const count = (ch: string) => unquoted.split(ch).length - 1;
  const candidates = [";", ",", "\t"].map((ch) => ({ ch, n: count(ch) }));
  const best = candidates.reduce((a, b) => (b.n > a.n ? b : a));
  return best.n > 0 ? best.ch : ",";
}

function readCsv(buffer: Buffer): RawTable[] {
  const text = decodeUtf8(buffer);
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (error) {
    throw new DomainError("import_bad_csv", { detail: (error as Error).message });
  }
  const rows = records.map(({ record, info }) => ({ line: info.lines, cells: record as Cell[] }));
  return [splitHeader(null, rows)];
}

// Title rows sit above the header in Dapodik's PTK list ("DAFTAR PTK", the school, "Tanggal Unduh: …").
const HEADER_SEARCH_ROWS = 30;

/**
 * The header row: among the first rows, the one with the most cells that are known column names (at
 * least two), so title rows above it are skipped even when they fill two cells; a file with no known
 * names falls back to the first row with two filled cells. Rows keep their own line numbers.
 */
function splitHeader(sheet: string | null, rows: RawRow[]): RawTable {
  const filled = (row: RawRow) => row.cells.filter((c) => cellText(c) !== "").length;
  const known = (row: RawRow) => row.cells.filter((c) => isKnownHeader(normalizeHeader(cellText(c)))).length;
  let index = -1;
  let best = 1;
  rows.slice(0, HEADER_SEARCH_ROWS).forEach((row, i) => {
    const count = known(row);
    if (count > best) [index, best] = [i, count];
  });
  if (index < 0) index = rows.findIndex((row) => filled(row) >= 2);
  if (index < 0) return { sheet, headers: [], rows: [] };
  const headers = (rows[index]?.cells ?? []).map((c) => cellText(c));
  const body = rows.slice(index + 1).filter((row) => row.cells.some((c) => cellText(c) !== ""));
  return { sheet, headers, rows: body };
}

async function readXlsx(buffer: Buffer): Promise<RawTable[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (error) {
    throw new DomainError("import_bad_xlsx", { detail: (error as Error).message });
  }
  const tables: RawTable[] = [];
  workbook.eachSheet((sheet) => {
    const rows: RawRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = excelValue(cell.value);
      });
      for (let i = 0; i < cells.length; i++) cells[i] ??= null;
      rows.push({ line: row.number, cells });
    });
    tables.push(splitHeader(sheet.name, rows));
  });
  return tables;
}

function excelValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || value instanceof Date) return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("hyperlink" in value) return String(value.text);
  if ("result" in value) {
    const result = value.result;
    if (result === undefined || (typeof result === "object" && !(result instanceof Date))) return null;
    return typeof result === "boolean" ? String(result) : result;
  }
  return null;
}
