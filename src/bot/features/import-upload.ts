import { Composer } from "telegraf";
import { message } from "telegraf/filters";
import { DomainError } from "../../domain/errors.ts";
import {
  describeReject,
  rejectsCsv,
  warnedNames,
  type ReferenceReport,
  importWorkbook,
  type WorkbookReport,
} from "../../use-cases/imports/index.ts";
import { DEFAULT_IMPORT_LIMITS, readImportFile } from "../../import/read-file.ts";
import type { BotContext } from "../context.ts";
import { downloadFile } from "../download-file.ts";
import { escapeHtml, Html } from "../../messages/locales/index.ts";
import { pageEntries, shortenEntry, visibleLength } from "../../messages/paging.ts";

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

function referenceSummary(ctx: BotContext, report: ReferenceReport): string {
  return ctx.t("import.reference_summary", {
    rolesCreated: report.roles.created,
    rolesUpdated: report.roles.updated,
    rolesUnchanged: report.roles.unchanged,
    compatCreated: report.compatibility.created,
    compatUpdated: report.compatibility.updated,
    compatUnchanged: report.compatibility.unchanged,
  });
}

function modeText(ctx: BotContext, dryRun: boolean, refused: boolean): string {
  return dryRun ? ctx.t("import.mode.dry_run") : refused ? ctx.t("import.mode.strict_refused") : "";
}

function summary(ctx: BotContext, file: string, workbook: WorkbookReport, mode: string): string {
  const { data: report, reference } = workbook;
  const referenceText =
    (reference ? referenceSummary(ctx, reference) : "") +
    (workbook.skp
      ? ctx.t("import.skp_summary", {
          created: workbook.skp.created,
          updated: workbook.skp.updated,
          unchanged: workbook.skp.unchanged,
        })
      : "");
  if (!report) {
    const rejected = ctx.t("import.rejected_line", { rejected: workbook.rejected.length });
    return `${ctx.t("import.reference_title", { file, mode: new Html(mode) })}${referenceText}${rejected}`;
  }
  const extra = [
    report.agenciesCreated.length
      ? ctx.t("import.agencies_created", { codes: codeList(report.agenciesCreated) })
      : "",
    report.rolesCreated.length ? ctx.t("import.roles_created", { codes: codeList(report.rolesCreated) }) : "",
    honorerText(ctx, report),
    report.unitConflicts.length ? ctx.t("import.unit_conflicts", { count: report.unitConflicts.length }) : "",
    report.warnings.length
      ? ctx.t("import.warnings", {
          count: report.warnings.length,
          names: codeList(warnedNames(report.warnings)),
        })
      : "",
    referenceText,
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
    rejected: workbook.rejected.length,
  });
}

/**
 * Honorer rows are capacity, not errors: counted apart from the employees, with those who left a
 * school the file lists (their hours no longer count).
 */
function honorerText(ctx: BotContext, report: NonNullable<WorkbookReport["data"]>): string {
  const { created, updated, unchanged, removed } = report.honorers;
  const count = created + updated + unchanged;
  return [
    count > 0 ? ctx.t("import.honorers", { count, created, updated, unchanged }) : "",
    removed > 0 ? ctx.t("import.honorers_removed", { removed }) : "",
  ].join("");
}

/** A file can create hundreds of codes; the summary names them up to a few lines' worth. */
const CODES_SHOWN = 600;

function codeList(codes: string[]): Html {
  return new Html(shortenEntry(escapeHtml(codes.join(", ")), CODES_SHOWN));
}

/**
 * The summary, then as many rejected rows with their reasons as fit in one message (Telegram
 * refuses more than 4,096 characters); the rest are counted, and all of them are in the CSV.
 */
function summaryWithRejects(ctx: BotContext, file: string, workbook: WorkbookReport, mode: string): string {
  const head = summary(ctx, file, workbook, mode);
  if (workbook.rejected.length === 0) return head;
  const lines = workbook.rejected.map((r) =>
    ctx.t("import.reject_line", {
      where: new Html(r.sheet ? ctx.t("import.reject_sheet", { sheet: r.sheet }) : ""),
      line: String(r.line),
      key: r.key || "—",
      reason: describeReject(ctx.locale, r),
    }),
  );
  const more = (count: number) => (count > 0 ? ctx.t("import.rejects_more", { count }) : "");
  const title = (shown: string[]) => ctx.t("import.rejects_title", { lines: new Html(shown.join("\n")) });
  const frame = visibleLength(head + title([]) + more(lines.length));
  const shown = pageEntries(lines, frame)[0] ?? [];
  return head + title(shown) + more(lines.length - shown.length);
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
  const workbook = await ctx.transact((tx) => importWorkbook(tx, tables, options), {
    timeoutMs: TRANSACTION_TIMEOUT_MS,
  });
  const mode = modeText(ctx, dryRun, strict && workbook.rejected.length > 0);
  await ctx.reply(summaryWithRejects(ctx, fileName, workbook, mode));
  // Rows kept at their stored unit (SIASN and Dapodik disagree) go in the same CSV, with their reason.
  const listed = [...workbook.rejected, ...(workbook.data?.unitConflicts ?? [])];
  if (listed.length > 0) {
    const base = fileName.replace(/\.(csv|xlsx|xls)$/i, "");
    await ctx.replyWithDocument(
      {
        source: rejectsCsv({ rejected: listed, headers: workbook.headers }, ctx.locale),
        filename: `${base}-ditolak.csv`,
      },
      { caption: ctx.t("import.rejects_caption", { count: listed.length }) },
    );
  }
});
