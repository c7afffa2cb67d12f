import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { DomainError } from "../../domain/errors.ts";
import {
  describeReject,
  describeWarning,
  plainText,
  type ImportReport,
  importWorkbook,
  type WorkbookReport,
} from "../../use-cases/imports/index.ts";
import { DEFAULT_IMPORT_LIMITS, readImportFile } from "../../import/read-file.ts";
import { isTextKey } from "../../messages/locales/index.ts";
import { operatorError, usageError, type CliCommand, type CliContext } from "../types.ts";

const USAGE = "usage: import <file.csv|file.xlsx> [--dry-run] [--strict]";
// A 50,000-row import takes seconds; Prisma's 5 s default for interactive transactions is too short.
const TRANSACTION_TIMEOUT_MS = 10 * 60_000;
const LISTED_CHANGES = 20;

function parseArgs(args: string[]): { file: string; dryRun: boolean; strict: boolean } {
  const flags = args.filter((a) => a.startsWith("--"));
  const files = args.filter((a) => !a.startsWith("--"));
  const unknown = flags.filter((f) => f !== "--dry-run" && f !== "--strict");
  if (unknown.length > 0) throw usageError(`Unknown option ${unknown.join(", ")}\n${USAGE}`);
  const [file, ...extra] = files;
  if (!file || extra.length > 0) throw usageError(USAGE);
  if (!/\.(csv|xlsx|xls)$/i.test(file)) throw usageError(`The file must be .csv or .xlsx: ${file}\n${USAGE}`);
  return { file, dryRun: flags.includes("--dry-run"), strict: flags.includes("--strict") };
}

/** DomainErrors of the reader become messages in the operator's terminal (English, no HTML). */
function fileError(error: unknown): never {
  if (error instanceof DomainError) {
    const key = `errors.${error.code}`;
    const text = isTextKey(key) ? plainText("en", key, error.params).replace(/<[^>]+>/g, "") : error.code;
    throw operatorError(text);
  }
  throw error;
}

async function readInput(path: string) {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    throw operatorError(
      `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  // Checked before reading so a wrong 2 GB file is refused without loading it.
  if (size > DEFAULT_IMPORT_LIMITS.maxBytes)
    fileError(new DomainError("import_too_large", { size: (size / 1048576).toFixed(1), max: "5.0" }));
  const buffer = await readFile(path);
  return readImportFile(buffer, basename(path)).catch(fileError);
}

function printReport(ctx: CliContext, file: string, workbook: WorkbookReport, strict: boolean): void {
  const { reference, data: report } = workbook;
  const refused = strict && workbook.rejected.length > 0;
  const dryRun = reference?.dryRun ?? report?.dryRun ?? false;
  const mode = dryRun ? " (dry run: nothing written)" : refused ? " (strict: nothing written)" : "";
  ctx.io.out(`Import of ${file}${mode}`);
  const counts = (c: ImportReport["units"]) =>
    `${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`;
  if (reference) {
    ctx.io.out(`  roles:     ${counts(reference.roles)}`);
    ctx.io.out(`  compatibility: ${counts(reference.compatibility)}`);
  }
  if (workbook.skp) ctx.io.out(`  skp:       ${counts(workbook.skp)}`);
  if (report) {
    ctx.io.out(`  units:     ${counts(report.units)}`);
    ctx.io.out(`  employees: ${counts(report.employees)}`);
    const { honorers } = report;
    if (honorers.created + honorers.updated + honorers.unchanged + honorers.removed > 0)
      ctx.io.out(
        `  honorer (school capacity, not moved): ${counts(honorers)}${honorers.removed > 0 ? `, ${honorers.removed} removed (no longer on their school's Dapodik roster)` : ""}`,
      );
    if (report.agenciesCreated.length) ctx.io.out(`  agencies created: ${report.agenciesCreated.join(", ")}`);
    if (report.rolesCreated.length)
      ctx.io.out(
        `  roles created (need review: \`roles set\` or a jabatan sheet): ${report.rolesCreated.join(", ")}`,
      );
  }
  if (dryRun) {
    const changes = [...(reference?.changes ?? []), ...(report?.changes ?? [])];
    for (const change of changes.slice(0, LISTED_CHANGES)) {
      ctx.io.out(
        `  would ${{ created: "create", updated: "update", removed: "remove" }[change.action]} ${change.kind} ${change.key}${change.fields.length ? ` (${change.fields.join(", ")})` : ""}`,
      );
    }
    if (changes.length > LISTED_CHANGES)
      ctx.io.out(`  … and ${changes.length - LISTED_CHANGES} more changes`);
  }
  const warnings = report?.warnings ?? [];
  if (warnings.length > 0) ctx.io.out(`Warnings (${warnings.length}):`);
  for (const warning of warnings) {
    const where = `${warning.sheet ? `${warning.sheet} ` : ""}line ${warning.line}`;
    ctx.io.out(`  ${where} [${warning.key}]: ${describeWarning("en", warning)}`);
  }
  printRows(ctx, "Unit differs between SIASN and Dapodik, stored unit kept", report?.unitConflicts ?? []);
  printRows(ctx, "Rejected rows", workbook.rejected);
}

function printRows(ctx: CliContext, title: string, rows: WorkbookReport["rejected"]): void {
  if (rows.length === 0) return;
  ctx.io.out(`${title} (${rows.length}):`);
  for (const reject of rows) {
    const where = `${reject.sheet ? `${reject.sheet} ` : ""}line ${reject.line}`;
    ctx.io.out(`  ${where}${reject.key ? ` [${reject.key}]` : ""}: ${describeReject("en", reject)}`);
  }
}

export const importCommand: CliCommand = {
  usage:
    "import <file.csv|file.xlsx> [--dry-run] [--strict]   upsert roles, compatibility, units and employees (docs/import.md)",
  async run(args, ctx) {
    const { file, dryRun, strict } = parseArgs(args);
    const tables = await readInput(file);
    const { prisma } = await ctx.database();
    const report = await prisma
      .$transaction(
        (tx) =>
          importWorkbook(tx, tables, {
            source: basename(file),
            actor: { name: "cli" },
            now: ctx.clock.now(),
            timeZone: ctx.config.SCHEDULE_TIMEZONE,
            dryRun,
            strict,
          }),
        { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 30_000 },
      )
      .catch(fileError);
    printReport(ctx, file, report, strict);
    if (strict && report.rejected.length > 0)
      throw operatorError(
        `Nothing imported: ${report.rejected.length} rows rejected in --strict mode. Fix them and run again.`,
      );
    const sum = (c: ImportReport["units"] | undefined) => (c ? c.created + c.updated + c.unchanged : 0);
    const accepted =
      sum(report.skp ?? undefined) +
      sum(report.reference?.roles) +
      sum(report.reference?.compatibility) +
      sum(report.data?.units) +
      sum(report.data?.employees) +
      sum(report.data?.honorers);
    if (accepted === 0 && report.rejected.length > 0)
      throw operatorError("Nothing imported: every row was rejected.");
  },
};
