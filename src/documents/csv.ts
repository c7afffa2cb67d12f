/**
 * CSV for Excel: UTF-8 with a BOM (without it Excel reads the bytes as ANSI and breaks names),
 * CRLF lines, quoted fields. A cell that starts with = + - @ is prefixed with ' so a spreadsheet
 * never runs it as a formula (CSV injection: reasons and names come from people).
 */
export function writeCsv(rows: Array<Array<string | number>>): Buffer {
  const text = rows.map((row) => row.map(field).join(",")).join("\r\n");
  return Buffer.from(`\uFEFF${text}\r\n`, "utf8");
}

function field(value: string | number): string {
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
