import ExcelJS from "exceljs";
import type { Update } from "telegraf/types";
import { nextUpdateId, type ApiCall } from "./telegram.ts";

type CellValue = string | number | Date | null;

/** A CSV file as an operator's spreadsheet saves it: comma (or ";" in an Indonesian Excel), optional BOM. */
export function csvFile(rows: CellValue[][], options: { separator?: string; bom?: boolean } = {}): Buffer {
  const sep = options.separator ?? ",";
  const text = rows
    .map((row) =>
      row
        .map((cell) => {
          const s =
            cell === null ? "" : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell);
          return s.includes(sep) || s.includes('"') ? `"${s.replaceAll('"', '""')}"` : s;
        })
        .join(sep),
    )
    .join("\r\n");
  return Buffer.from(`${options.bom ? "\uFEFF" : ""}${text}\r\n`, "utf8");
}

/** A real XLSX built with exceljs, one sheet per entry; NIPs given as strings stay text cells. */
export async function xlsxFile(sheets: Record<string, CellValue[][]>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Reads back a sheet of an XLSX the bot or the CLI wrote. */
export async function readXlsxRows(buffer: Buffer): Promise<Record<string, string[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const out: Record<string, string[][]> = {};
  workbook.eachSheet((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow((row) => {
      const values: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        values[col - 1] = cell.value === null || cell.value === undefined ? "" : String(cell.value);
      });
      rows.push(values);
    });
    out[sheet.name] = rows;
  });
  return out;
}

/** A valid NIP: birth date, CPNS start month, sex digit, sequence. */
export function makeNip(birth: string, cpns: string, sex: 1 | 2, sequence: number): string {
  return `${birth.replaceAll("-", "")}${cpns.replaceAll("-", "")}${sex}${String(sequence).padStart(3, "0")}`;
}

export const unitHeader = ["kode", "nama", "jenis", "instansi", "lat", "lon"];
export const employeeHeader = [
  "NIP",
  "Nama",
  "Kode Unit",
  "Kode Jabatan",
  "JP per minggu",
  "Tanggal Lahir",
  "TMT Jabatan",
];

let documentMessageId = 90_000;
/** A file sent to the bot, as Telegram delivers it (the content is fetched later by file_id). */
export function documentUpdate(
  from: { id: number; first_name: string; language_code?: string },
  document: { file_id: string; file_name: string; file_size: number; mime_type?: string },
  options: { caption?: string; chat?: { id: number; type: "group" | "supergroup"; title?: string } } = {},
): Update {
  return {
    update_id: nextUpdateId(),
    message: {
      message_id: documentMessageId++,
      date: Math.floor(Date.now() / 1000),
      from: { is_bot: false, ...from },
      chat: options.chat ?? { id: from.id, type: "private", first_name: from.first_name },
      document: { file_unique_id: `u-${document.file_id}`, ...document },
      ...(options.caption ? { caption: options.caption } : {}),
    },
  } as Update;
}

/** The documents the bot sent, with their content. */
export function sentDocuments(
  calls: ApiCall[],
): Array<{ filename: string; content: Buffer; caption: string; chatId: unknown }> {
  return calls
    .filter((c) => c.method === "sendDocument")
    .map((c) => {
      const doc = c.payload.document as { source: Buffer; filename: string };
      return {
        filename: doc.filename,
        content: doc.source,
        caption: String(c.payload.caption ?? ""),
        chatId: c.payload.chat_id,
      };
    });
}
