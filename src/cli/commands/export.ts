import { writeFile } from "node:fs/promises";
import { transfersCsv, transfersWorkbook } from "../../export/write-transfers.ts";
import { exportTransfers } from "../../use-cases/decrees/index.ts";
import { operatorError, usageError, type CliCommand } from "../types.ts";

const USAGE = "usage: export transfers --out <file.xlsx|file.csv>";

function parseArgs(args: string[]): { out: string } {
  const [what, flag, out, ...extra] = args;
  if (what !== "transfers" || flag !== "--out" || !out || extra.length > 0) throw usageError(USAGE);
  if (!/\.(xlsx|csv)$/i.test(out)) throw usageError(`The output must end in .xlsx or .csv: ${out}\n${USAGE}`);
  return { out };
}

/** <name>.csv gets its audit log beside it as <name>-audit.csv (CSV holds one table per file). */
export function auditSibling(path: string): string {
  return path.replace(/\.csv$/i, "-audit.csv");
}

export const exportCommand: CliCommand = {
  usage:
    "export transfers --out <file.xlsx|file.csv>  approved transfers: the SK mutasi annex, the decision trail and the audit log",
  async run(args, ctx) {
    const { out } = parseArgs(args);
    const { prisma } = await ctx.database();
    const data = await exportTransfers(prisma);
    const zone = ctx.config.SCHEDULE_TIMEZONE;
    // The decree is drafted in Indonesian, so the file is too.
    const written: string[] = [];
    try {
      if (/\.xlsx$/i.test(out)) {
        await writeFile(out, await transfersWorkbook(data, "id", zone));
        written.push(out);
      } else {
        const files = transfersCsv(data, "id", zone);
        await writeFile(out, files.transfers);
        await writeFile(auditSibling(out), files.audit);
        written.push(out, auditSibling(out));
      }
    } catch (error) {
      throw operatorError(
        `Cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
    }
    // What each transfer is now: approved (waiting for the SK), decreed, or in effect (issue 25).
    const count = (status: string) => data.transfers.filter((t) => t.status === status).length;
    ctx.io.out(
      `Exported ${data.transfers.length} transfers (${count("APPROVED")} approved awaiting the SK, ${count("DECREED")} decreed, ${count("EFFECTIVE")} in effect) and ${data.audit.length} audit entries to ${written.join(" and ")}`,
    );
  },
};
