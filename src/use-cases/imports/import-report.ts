import { locales, type Locale, type TextKey } from "../../messages/locales/index.ts";
import type { ImportReport } from "./import-data.ts";
import type { ImportWarning, Rejected } from "../../import/parse-rows.ts";
import { writeCsv } from "../../documents/csv.ts";

/** A locale text with its placeholders filled, unescaped: for CSV cells and the terminal, not for Telegram HTML. */
export function plainText(
  locale: Locale,
  key: TextKey,
  params: Record<string, string | number> = {},
): string {
  return locales[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

function isKey(key: string): key is TextKey {
  return key in locales.id;
}

/** The reason a row was rejected, in words. */
export function describeReject(locale: Locale, reject: Rejected): string {
  const params: Record<string, string | number> = { ...reject.reason.params };
  const problemKey = `import.nip.${String(params.problem)}`;
  if (params.problem !== undefined && isKey(problemKey)) params.problem = plainText(locale, problemKey);
  const fieldKey = `import.field.${String(params.field)}`;
  if (params.field !== undefined && isKey(fieldKey)) params.field = plainText(locale, fieldKey);
  const key = `import.reject.${reject.reason.code}`;
  return isKey(key) ? plainText(locale, key, params) : reject.reason.code;
}

/** What to look at in a row that was imported, in words. */
export function describeWarning(locale: Locale, warning: ImportWarning): string {
  return plainText(locale, `import.warn.${warning.code}`, warning.params);
}

/** The distinct area names the warnings are about, for a one-line summary. */
export function warnedNames(warnings: ImportWarning[]): string[] {
  return [...new Set(warnings.map((w) => w.params.name ?? ""))].filter(Boolean);
}

/** Rejected rows with their reasons, then the row as it was, so the operator can fix and resend it. */
export function rejectsCsv(report: Pick<ImportReport, "rejected" | "headers">, locale: Locale): Buffer {
  const head = (
    ["import.rejects.sheet", "import.rejects.line", "import.rejects.key", "import.rejects.reason"] as const
  ).map((k) => plainText(locale, k));
  const rows = report.rejected.map((r) => [
    r.sheet ?? "",
    r.line,
    r.key,
    describeReject(locale, r),
    ...report.headers.map((h) => r.values[h] ?? ""),
  ]);
  return writeCsv([[...head, ...report.headers], ...rows]);
}
