import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { DbTx } from "../../db/client.ts";
import { formatDate } from "../../domain/time.ts";
import { readImportFile } from "../../import/read-file.ts";
import { importDecrees, recordDecree } from "../../use-cases/decrees/index.ts";
import { refusalsAsOperatorErrors } from "../domain-errors.ts";
import { operatorError, usageError, type CliCommand, type CliContext } from "../types.ts";

const USAGE = [
  "usage: sk record <proposal> --nomor <number> --tanggal <dd-mm-yyyy> --tmt <dd-mm-yyyy>",
  "       sk import <file.xlsx|file.csv>",
].join("\n");

export const CLI_ACTOR = { id: null, name: "cli" };

/** `<flag> <value>` pairs into a record; an unknown flag or a missing value is bad usage. */
export function readFlags(options: string[], known: readonly string[], usage: string): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < options.length; i += 2) {
    const flag = options[i];
    const value = options[i + 1];
    if (!flag || value === undefined || !known.includes(flag) || flags.has(flag)) throw usageError(usage);
    flags.set(flag, value);
  }
  return flags;
}

export function proposalIdArg(text: string | undefined, usage: string): number {
  if (!text || !/^\d{1,9}$/.test(text)) throw usageError(usage);
  return Number(text);
}

async function record(args: string[], ctx: CliContext): Promise<void> {
  const [first, ...options] = args;
  const proposalId = proposalIdArg(first, USAGE);
  const flags = readFlags(options, ["--nomor", "--tanggal", "--tmt"], USAGE);
  const [nomor, tanggal, tmt] = ["--nomor", "--tanggal", "--tmt"].map((f) => flags.get(f));
  if (nomor === undefined || tanggal === undefined || tmt === undefined) throw usageError(USAGE);
  const { prisma } = await ctx.database();
  const decreed = await refusalsAsOperatorErrors(
    prisma.$transaction((tx: DbTx) =>
      recordDecree(tx, {
        proposalId,
        nomor,
        tanggal,
        tmt,
        actor: CLI_ACTOR,
        now: ctx.clock.now(),
        timeZone: ctx.config.SCHEDULE_TIMEZONE,
        locale: "id",
        details: { source: "cli" },
        adminIds: ctx.config.ADMIN_TELEGRAM_IDS,
      }),
    ),
  );
  const day = (date: Date | null) => (date ? formatDate(date, "UTC") : "—");
  ctx.io.out(
    `recorded: proposal #${decreed.id} ${decreed.employee.nip} ${decreed.employee.name} ${decreed.fromUnit.code} → ${decreed.toUnit.code}: SK ${decreed.skNumber} of ${day(decreed.skDate)}, TMT ${day(decreed.tmt)}, objection deadline ${day(decreed.objectionDeadline)}`,
  );
  // Recorded on or after its TMT: it took effect at once, as the daily job would have done.
  if (decreed.status === "EFFECTIVE")
    ctx.io.out(`effective now: the TMT has come; moved to ${decreed.toUnit.code}`);
  if (decreed.status === "CANCELLED")
    ctx.io.out(
      `cancelled (the TMT has come and the move cannot be carried out): ${decreed.cancelReason ?? ""}`,
    );
}

async function importList(args: string[], ctx: CliContext): Promise<void> {
  const [file, ...extra] = args;
  if (!file || extra.length > 0 || !/\.(xlsx|csv)$/i.test(file)) throw usageError(USAGE);
  let buffer: Buffer;
  try {
    buffer = await readFile(file);
  } catch (error) {
    throw operatorError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? "error"}`);
  }
  const { prisma } = await ctx.database();
  const result = await refusalsAsOperatorErrors(
    readImportFile(buffer, basename(file)).then((tables) =>
      importDecrees(prisma, {
        tables,
        actor: CLI_ACTOR,
        now: ctx.clock.now(),
        timeZone: ctx.config.SCHEDULE_TIMEZONE,
        locale: "id",
        reportLocale: "en",
        adminIds: ctx.config.ADMIN_TELEGRAM_IDS,
      }),
    ),
  );
  const lines = [
    `${file}: ${result.recorded.length} recorded, ${result.unchanged.length} already recorded, ${result.problems.length} not recorded`,
    ...result.recorded.map((r) => `  line ${r.line}: ${r.nip} proposal #${r.proposalId} SK ${r.skNumber}`),
    ...result.problems.map(
      (p) => `  line ${p.line}${p.sheet ? ` (${p.sheet})` : ""}: ${p.nip || "—"} not recorded: ${p.reason}`,
    ),
  ];
  ctx.io.out(lines.join("\n"));
  if (result.problems.length > 0 && result.recorded.length === 0 && result.unchanged.length === 0)
    throw operatorError("No SK recorded: fix the lines above and import the file again.");
}

export const skCommand: CliCommand = {
  usage:
    "sk record <proposal> --nomor <n> --tanggal <dd-mm-yyyy> --tmt <dd-mm-yyyy> | sk import <file>  record the decree (SK mutasi)",
  async run(args, ctx) {
    const [action, ...rest] = args;
    if (action === "record") return record(rest, ctx);
    if (action === "import") return importList(rest, ctx);
    throw usageError(USAGE);
  },
};
