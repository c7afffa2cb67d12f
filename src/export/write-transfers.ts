import ExcelJS from "exceljs";
import type { Locale, TextKey } from "../messages/locales/index.ts";
import { formatDate, formatDateTime } from "../domain/time.ts";
import type { AuditLine, TransferExport, TransferLine } from "../use-cases/decrees/index.ts";
import { plainText } from "../use-cases/imports/index.ts";
import { auditActionText } from "../messages/audit-actions.ts";
import { ANNEX_NIP_COLUMN, ANNEX_WIDTHS, annexRows } from "./sk-annex.ts";
import { writeCsv } from "../documents/csv.ts";

type Row = Array<string | number>;

const TRANSFER_COLUMNS = [
  "export.col.no",
  "export.col.nip",
  "export.col.name",
  "export.col.role_from",
  "export.col.role_to",
  "export.col.unit_from",
  "export.col.unit_to",
  "export.col.effective",
  "export.col.decided_by",
  "export.col.decided_at",
  "export.col.reason",
  "export.col.trail",
  "export.col.proposal",
  // Where each stands and its SK, as the annex says (issue 25: the CSV has them too).
  "export.annex.state",
  "export.annex.sk_number",
  "export.annex.sk_date",
] as const satisfies readonly TextKey[];

const AUDIT_COLUMNS = [
  "export.col.at",
  "export.col.actor",
  "export.col.action",
  "export.col.entity",
  "export.col.entity_id",
  "export.col.details",
] as const satisfies readonly TextKey[];

function transferRow(line: TransferLine, index: number, locale: Locale, timeZone: string): Row {
  const trail = line.trail
    .map((d) => {
      const verdict = plainText(
        locale,
        d.verdict === "APPROVE" ? "export.verdict.APPROVE" : "export.verdict.REJECT",
      );
      return `${d.name}: ${verdict} ${formatDateTime(d.at, timeZone)}${d.reason ? ` (${d.reason})` : ""}`;
    })
    .join("; ");
  return [
    index + 1,
    line.nip,
    line.name,
    line.roleFrom,
    line.roleTo,
    line.unitFrom,
    line.unitTo,
    // @db.Date columns hold the calendar day at UTC midnight.
    line.effectiveDate ? formatDate(line.effectiveDate, "UTC") : "",
    line.decidedBy,
    line.decidedAt ? formatDateTime(line.decidedAt, timeZone) : "",
    line.reason,
    trail,
    line.proposalId,
    plainText(locale, `export.state.${line.status}`),
    line.skNumber ?? "",
    line.skDate ? formatDate(line.skDate, "UTC") : "",
  ];
}

function auditRow(line: AuditLine, locale: Locale, timeZone: string): Row {
  return [
    formatDateTime(line.at, timeZone),
    line.actor,
    auditActionText(locale, line.action),
    line.entity,
    line.entityId,
    line.details,
  ];
}

function tables(data: TransferExport, locale: Locale, timeZone: string) {
  return {
    transfers: [
      TRANSFER_COLUMNS.map((k) => plainText(locale, k)),
      ...data.transfers.map((t, i) => transferRow(t, i, locale, timeZone)),
    ],
    audit: [
      AUDIT_COLUMNS.map((k) => plainText(locale, k)),
      ...data.audit.map((a) => auditRow(a, locale, timeZone)),
    ],
  };
}

/**
 * The SK annex first (what the decree's lampiran lists), then the working list with the decision
 * trail, then the audit log. NIPs stay text cells so Excel keeps all 18 digits.
 */
export async function transfersWorkbook(
  data: TransferExport,
  locale: Locale,
  timeZone: string,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Seimbang";
  const { transfers, audit } = tables(data, locale, timeZone);
  for (const [name, rows, widths, nipColumn] of [
    [
      plainText(locale, "export.sheet.annex"),
      annexRows(data.transfers, locale, timeZone),
      ANNEX_WIDTHS,
      ANNEX_NIP_COLUMN,
    ],
    [
      plainText(locale, "export.sheet.transfers"),
      transfers,
      [5, 21, 28, 24, 24, 30, 30, 12, 24, 20, 50, 60, 10, 24, 30, 12],
      2,
    ],
    [plainText(locale, "export.sheet.audit"), audit, [20, 24, 22, 12, 20, 80], null],
  ] as const) {
    const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = widths.map((width) => ({ width }));
    // Text format, so a NIP typed or pasted into the sheet later is not turned into a rounded number.
    if (nipColumn !== null) sheet.getColumn(nipColumn).numFmt = "@";
    for (const row of rows) sheet.addRow(row);
    sheet.getRow(1).font = { bold: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** CSV has one table per file: the transfers, and the audit log for the sibling <name>-audit.csv. */
export function transfersCsv(
  data: TransferExport,
  locale: Locale,
  timeZone: string,
): { transfers: Buffer; audit: Buffer } {
  const { transfers, audit } = tables(data, locale, timeZone);
  return { transfers: writeCsv(transfers), audit: writeCsv(audit) };
}
