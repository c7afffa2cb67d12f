import { Composer } from "telegraf";
import { message } from "telegraf/filters";
import { DomainError } from "../../domain/errors.ts";
import { rejectsCsv } from "../../import/describe.ts";
import { DEFAULT_IMPORT_LIMITS, readImportFile } from "../../import/read-file.ts";
import { importData, type ImportReport } from "../../use-cases/import-data.ts";
import type { BotContext } from "../context.ts";
import { downloadFile } from "../download-file.ts";
import { Html } from "../../messages/locales/index.ts";

export const importUploadFeature = new Composer<BotContext>();

// Large files take seconds to import; Prisma's interactive transactions stop after 5 s by default.
const TRANSACTION_TIMEOUT_MS = 5 * 60_000;

function isImportFile(document: { file_name?: string; mime_type?: string }): boolean {
  const name = document.file_name ?? "";
  return (
    /\.(csv|xlsx|xls)$/i.test(name) ||
    document.mime_type === "text/csv" ||
    document.mime_type === "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
  );
}

function summary(ctx: BotContext, file: string, report: ImportReport, strict: boolean): string {
  const mode = report.dryRun
    ? ctx.t("import.mode.dry_run")
    : strict && report.rejected.length > 0
      ? ctx.t("import.mode.strict_refused")
      : "";
  const extra = [
    report.agenciesCreated.length
      ? ctx.t("import.agencies_created", { codes: report.agenciesCreated.join(", ") })
      : "",
    report.rolesCreated.length
      ? ctx.t("import.roles_created", { codes: report.rolesCreated.join(", ") })
      : "",
  ].join("");
  return ctx.t("import.summary", {
    file,
    mode: new Html(mode),
    unitsCreated: report.units.created,
    unitsUpdated: report.units.updated,
    unitsUnchanged: report.units.unchanged,
    employeesCreated: report.employees.created,
    employeesUpdated: report.employees.updated,
    employeesUnchanged: report.employees.unchanged,
    extra: new Html(extra),
    rejected: report.rejected.length,
  });
}

/**
 * An admin sends a SIASN/Dapodik CSV or XLSX in a private chat: it is imported and a summary
 * comes back, with the rejected rows as a CSV to fix and resend. A caption "uji" / "dry-run"
 * only reports; "ketat" / "strict" imports nothing when a row is bad.
 */
importUploadFeature.on(message("document"), async (ctx, next) => {
  const document = ctx.message.document;
  if (ctx.chat.type !== "private" || !isImportFile(document)) return next();
  if (!ctx.isAdmin) throw new DomainError("import_not_admin");
  const { maxBytes } = DEFAULT_IMPORT_LIMITS;
  // Refused before downloading: Telegram tells the size, and the Bot API serves at most 20 MB anyway.
  if ((document.file_size ?? 0) > maxBytes) {
    throw new DomainError("import_too_large", {
      size: ((document.file_size ?? 0) / 1048576).toFixed(1),
      max: (maxBytes / 1048576).toFixed(1),
    });
  }
  const fileName = document.file_name ?? "import.csv";
  const caption = ctx.message.caption ?? "";
  const dryRun = /\b(uji|dry[- ]?run|coba)\b/i.test(caption);
  const strict = /\b(ketat|strict)\b/i.test(caption);
  const tables = await readImportFile(await downloadFile(ctx, document.file_id), fileName);
  const { clock, config } = ctx.deps;
  const options = {
    source: fileName,
    actor: { id: ctx.user?.id ?? null, name: ctx.user?.name ?? `telegram:${ctx.from.id}` },
    now: clock.now(),
    timeZone: config.SCHEDULE_TIMEZONE,
    dryRun,
    strict,
  };
  // The update is recorded with the import, so a redelivered upload imports nothing twice.
  const report = await ctx.transact((tx) => importData(tx, tables, options), {
    timeoutMs: TRANSACTION_TIMEOUT_MS,
  });
  await ctx.reply(summary(ctx, fileName, report, strict), { parse_mode: "HTML" });
  if (report.rejected.length > 0) {
    const base = fileName.replace(/\.(csv|xlsx|xls)$/i, "");
    await ctx.replyWithDocument(
      { source: rejectsCsv(report, ctx.locale), filename: `${base}-ditolak.csv` },
      { caption: ctx.t("import.rejects_caption", { count: report.rejected.length }) },
    );
  }
});
