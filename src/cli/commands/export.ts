import { writeFile } from "node:fs/promises";
import { transfersCsv, transfersWorkbook } from "../../export/write-transfers.ts";
import { formasiTotals } from "../../domain/formasi.ts";
import { formasiWorkbook } from "../../export/formasi-workbook.ts";
import { exportTransfers } from "../../use-cases/decrees/index.ts";
import { buildFormasi, FORMASI_YEARS } from "../../use-cases/formasi/index.ts";
import { operatorError, usageError, type CliCommand } from "../types.ts";

const USAGE =
  "usage: export transfers --out <file.xlsx|file.csv> | export formasi --out <file.xlsx> [--years N]";

type ExportArgs = { what: "transfers"; out: string } | { what: "formasi"; out: string; years: number };

function parseArgs(args: string[]): ExportArgs {
  const [what, ...rest] = args;
  let out: string | undefined;
  let years: number | undefined;
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i];
    const value = rest[i + 1];
    if (flag === "--out" && value && out === undefined) out = value;
    else if (flag === "--years" && what === "formasi" && value && years === undefined) {
      years = Number(value);
      if (!Number.isInteger(years) || years < 1 || years > 10)
        throw usageError(`--years is a whole number from 1 to 10: ${value}\n${USAGE}`);
    } else throw usageError(USAGE);
    i += 1;
  }
  if (!out || (what !== "transfers" && what !== "formasi")) throw usageError(USAGE);
  if (what === "formasi") {
    if (!/\.xlsx$/i.test(out)) throw usageError(`The formasi sheet is an .xlsx file: ${out}\n${USAGE}`);
    return { what, out, years: years ?? FORMASI_YEARS };
  }
  if (!/\.(xlsx|csv)$/i.test(out)) throw usageError(`The output must end in .xlsx or .csv: ${out}\n${USAGE}`);
  return { what, out };
}

async function writeOrExplain(out: string, data: Buffer | string): Promise<void> {
  try {
    await writeFile(out, data);
  } catch (error) {
    throw operatorError(
      `Cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}

/** <name>.csv gets its audit log beside it as <name>-audit.csv (CSV holds one table per file). */
export function auditSibling(path: string): string {
  return path.replace(/\.csv$/i, "-audit.csv");
}

export const exportCommand: CliCommand = {
  usage:
    "export transfers --out <file.xlsx|file.csv>  approved transfers: the SK mutasi annex, the decision trail and the audit log\n" +
    "  export formasi --out <file.xlsx> [--years N]  the hiring request: need after transfers and N years of retirements (default 5)",
  async run(args, ctx) {
    const parsed = parseArgs(args);
    const { out } = parsed;
    const { prisma } = await ctx.database();
    if (parsed.what === "formasi") {
      const formasi = await buildFormasi(prisma, ctx.clock, {
        timeZone: ctx.config.SCHEDULE_TIMEZONE,
        years: parsed.years,
      });
      await writeOrExplain(out, await formasiWorkbook(formasi));
      const totals = formasiTotals(formasi.rows, formasi.years.length);
      const requests = formasi.years.map((year, i) => `${year} ${totals.requests[i] ?? 0}`);
      ctx.io.out(
        `Wrote ${out}: ${formasi.rows.length} rows (jabatan × unit), ${totals.hireable} posts that transfers cannot fill, ${totals.policy} short because of the policy, ${formasi.retirees.length} people reaching their BUP by ${formasi.years.at(-1)}; requests ${requests.join(", ")}.`,
      );
      return;
    }
    const data = await exportTransfers(prisma);
    const zone = ctx.config.SCHEDULE_TIMEZONE;
    // The decree is drafted in Indonesian, so the file is too.
    const written: string[] = [];
    if (/\.xlsx$/i.test(out)) {
      await writeOrExplain(out, await transfersWorkbook(data, "id", zone));
      written.push(out);
    } else {
      const files = transfersCsv(data, "id", zone);
      await writeOrExplain(out, files.transfers);
      await writeOrExplain(auditSibling(out), files.audit);
      written.push(out, auditSibling(out));
    }
    // What each transfer is now: approved (waiting for the SK), decreed, or in effect (issue 25).
    const count = (status: string) => data.transfers.filter((t) => t.status === status).length;
    ctx.io.out(
      `Exported ${data.transfers.length} transfers (${count("APPROVED")} approved awaiting the SK, ${count("DECREED")} decreed, ${count("EFFECTIVE")} in effect) and ${data.audit.length} audit entries to ${written.join(" and ")}`,
    );
  },
};
