import type { Db } from "../../db/client.ts";
import { DomainError } from "../../domain/errors.ts";
import { formatDate } from "../../domain/time.ts";
import { normalizeHeader } from "../../import/columns.ts";
import { cellText, type Cell, type RawTable } from "../../import/read-file.ts";
import { plainText } from "../imports/index.ts";
import { type Locale, type TextKey, isTextKey, translate } from "../../messages/locales/index.ts";
import { recordDecree } from "./record-decree.ts";

/** One row of the signed SK list that was not recorded, with its line as the operator's editor shows it. */
export interface DecreeImportProblem {
  sheet: string | null;
  line: number;
  nip: string;
  reason: string;
}

export interface DecreeImportResult {
  recorded: Array<{ line: number; proposalId: number; nip: string; skNumber: string }>;
  /** Rows whose SK is already recorded with the same number: a second import changes nothing. */
  unchanged: Array<{ line: number; proposalId: number; nip: string }>;
  problems: DecreeImportProblem[];
}

// The annex's own headers in either language (export.annex.*), normalized as import headers are.
const HEADER_KEYS = {
  nip: "export.annex.nip",
  nomor: "export.annex.sk_number",
  tanggal: "export.annex.sk_date",
  tmt: "export.annex.effective",
} as const satisfies Record<string, TextKey>;
type Field = keyof typeof HEADER_KEYS;

function columnsOf(headers: string[]): Record<Field, number> | null {
  const normalized = headers.map((h) => normalizeHeader(h));
  const find = (key: TextKey) => {
    const names = (["id", "en"] as const).map((locale) => normalizeHeader(plainText(locale, key)));
    return normalized.findIndex((h) => names.includes(h));
  };
  const columns = Object.fromEntries(
    Object.entries(HEADER_KEYS).map(([field, key]) => [field, find(key)]),
  ) as Record<Field, number>;
  return Object.values(columns).every((i) => i >= 0) ? columns : null;
}

/** A date typed in Excel arrives as a Date; in CSV as text. Both are read as dd-mm-yyyy. */
function dayText(cell: Cell | undefined): string {
  if (cell instanceof Date) return formatDate(cell, "UTC");
  return cellText(cell);
}

const plain = (locale: Locale, error: DomainError) => {
  const key = `errors.${error.code}`;
  return isTextKey(key) ? translate(locale, key, error.params).replace(/<[^>]+>/g, "") : error.code;
};

/**
 * The signed SK list read back: the annex we export (export transfers) with "Nomor SK", "Tanggal SK"
 * and the TMT filled in. Each row is matched by NIP / NI PPPK to that person's approved proposal and
 * recorded through recordDecree, one transaction per row, so a bad row (reported with its line and
 * reason) stops no good one. A row whose SK is already recorded with the same number is unchanged.
 */
export async function importDecrees(
  db: Db,
  input: {
    tables: RawTable[];
    actor: { id: number | null; name: string };
    now: Date;
    timeZone: string;
    locale: Locale;
    /** Language of the problems reported (the CLI prints English). */
    reportLocale: Locale;
    /** Configured admins, told when a late SK's move cannot happen. */
    adminIds?: readonly bigint[];
  },
): Promise<DecreeImportResult> {
  const result: DecreeImportResult = { recorded: [], unchanged: [], problems: [] };
  const tables = input.tables
    .map((table) => ({ table, columns: columnsOf(table.headers) }))
    .filter((t) => t.columns !== null);
  if (tables.length === 0) throw new DomainError("decree_import_no_columns");
  const problem = (sheet: string | null, line: number, nip: string, key: TextKey, params = {}) =>
    result.problems.push({ sheet, line, nip, reason: translate(input.reportLocale, key, params) });

  for (const { table, columns } of tables) {
    if (!columns) continue;
    for (const row of table.rows) {
      const nip = cellText(row.cells[columns.nip]).replace(/\s+/g, "");
      const nomor = cellText(row.cells[columns.nomor]);
      if (!/^\d{18}$/.test(nip)) {
        problem(table.sheet, row.line, nip, "decree.import.bad_nip", { nip: nip || "—" });
        continue;
      }
      if (nomor === "") {
        problem(table.sheet, row.line, nip, "decree.import.no_number");
        continue;
      }
      const proposals = await db.proposal.findMany({
        where: { employee: { nip }, status: { in: ["APPROVED", "DECREED", "EFFECTIVE"] } },
        orderBy: { id: "desc" },
      });
      const open = proposals.find((p) => p.status === "APPROVED");
      const done = proposals.find((p) => p.skNumber === nomor);
      if (!open && done) {
        result.unchanged.push({ line: row.line, proposalId: done.id, nip });
        continue;
      }
      if (!open) {
        const decreed = proposals[0];
        if (decreed)
          problem(table.sheet, row.line, nip, "decree.import.other_sk", {
            id: decreed.id,
            sk: decreed.skNumber ?? "—",
          });
        else problem(table.sheet, row.line, nip, "decree.import.no_proposal", { nip });
        continue;
      }
      try {
        await db.$transaction((tx) =>
          recordDecree(tx, {
            proposalId: open.id,
            nomor,
            tanggal: dayText(row.cells[columns.tanggal]),
            tmt: dayText(row.cells[columns.tmt]),
            actor: input.actor,
            now: input.now,
            timeZone: input.timeZone,
            locale: input.locale,
            details: { source: "import", line: row.line },
            ...(input.adminIds ? { adminIds: input.adminIds } : {}),
          }),
        );
        result.recorded.push({ line: row.line, proposalId: open.id, nip, skNumber: nomor.trim() });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        result.problems.push({
          sheet: table.sheet,
          line: row.line,
          nip,
          reason: plain(input.reportLocale, error),
        });
      }
    }
  }
  return result;
}
